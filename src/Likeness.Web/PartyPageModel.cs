using System.Security.Cryptography;
using System.Text;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Domain.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Likeness.Web;

/// <summary>
/// A page for a signed-in party: <see cref="PartyPageFilter"/> sets <see cref="Caller"/> and <see cref="Core"/> before
/// a handler runs. Pages call the use cases as the API does, as the caller, so a page shows only what the API would.
/// </summary>
public abstract class PartyPageModel : PageModel
{
    internal const string CallerItem = "likeness.web.caller";

    /// <summary>The hidden field each form carries: a fresh Idempotency-Key, so a form sent twice acts once.</summary>
    public const string IdempotencyField = "idempotencyKey";

    public PartyRecord Caller { get; internal set; } = null!;

    public LikenessCore Core { get; internal set; } = null!;

    /// <summary>A use case's refusal, shown at the top of the page (role=alert).</summary>
    public string? Error { get; set; }

    /// <summary>What the last action did, shown after the redirect that follows it.</summary>
    public string? Done => Request.Query["done"].FirstOrDefault() is { Length: > 0 and < 200 } d ? d : null;

    public DateTimeOffset Now => Core.Clock.GetUtcNow();

    public bool PerformerSide => Caller.Kind is PartyKind.Performer or PartyKind.Representative or PartyKind.Estate;

    /// <summary>A fresh key for a form's <see cref="IdempotencyField"/>.</summary>
    public static string NewIdempotencyKey() => "web-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The form's Idempotency-Key bound to a hash of the page, handler and fields (not the antiforgery token, which
    /// changes): the same form sent twice gets its first answer, a changed form under the same key is a 409.
    /// </summary>
    protected IdempotentRequest? FormIdempotency()
    {
        if (!Request.HasFormContentType)
        {
            return null;
        }

        var text = new StringBuilder(Request.Path.Value).Append('?').Append(Request.Query["handler"].ToString());
        foreach (var (name, value) in Request.Form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name is not ("__RequestVerificationToken" or IdempotencyField))
            {
                text.Append('\n').Append(name).Append('=').Append(value.ToString());
            }
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return IdempotentRequest.From(Request.Form[IdempotencyField].FirstOrDefault(), "web:" + hash);
    }

    /// <summary>The caller of a request (for the layout), or null before sign-in.</summary>
    public static PartyRecord? CallerOf(HttpContext http) => http.Items[CallerItem] as PartyRecord;
}
