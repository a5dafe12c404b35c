using Likeness.Application.Contracts;
using Likeness.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Likeness.Web.Pages;

/// <summary>
/// Licences the caller may see (a studio's own, a performer's, a union's members'), filtered by status; for a studio,
/// also its requests, with Accept on a counter.
/// </summary>
public sealed class LicencesModel : PartyPageModel
{
    public static readonly string[] Statuses = ["active", "suspended", "revocationPending", "revoked", "expired", "exhausted"];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public LicenseView[] Licences { get; private set; } = [];
    public LicenseRequestView[] Requests { get; private set; } = [];
    public bool IsStudio => Caller.Kind == PartyKind.Studio;

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string id)
    {
        var outcome = await Core.Requests.AcceptAsync(Caller, id, new AcceptBody(), FormIdempotency(), null, HttpContext.RequestAborted);
        if (outcome.Refusal is { } refusal)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Status;
            await LoadAsync();
            return Page();
        }

        return Redirect("/licences?done=" + Uri.EscapeDataString("Counter accepted: the licence is granted."));
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var status = Status is { Length: > 0 } s && Statuses.Contains(s, StringComparer.Ordinal) ? s : null;
        Licences = (await Core.Lists.LicensesAsync(Caller, status, null, null, null, null, 100, ct)).Items;
        if (IsStudio)
        {
            Requests = (await Core.Lists.RequestsAsync(Caller, null, null, null, null, 100, ct)).Items
                .Where(r => r.Status is "pending" or "countered" or "vetoed").ToArray();
        }
    }
}
