using Likeness.Application;
using Likeness.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Likeness.Web.Pages;

/// <summary>Sign-in with an API key: authenticated by the same use case as the API's bearer key, then a session.</summary>
public sealed class SignInModel(LikenessCore core, WebSessions sessions) : PageModel
{
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? apiKey)
    {
        var party = string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 512 ? null : await core.Parties.AuthenticateAsync(apiKey.Trim(), HttpContext.RequestAborted);
        if (party is null)
        {
            Error = "That API key is not valid.";
            Response.StatusCode = 401;
            return Page();
        }

        if (sessions.Open(apiKey!.Trim()) is not { } token)
        {
            Error = "Too many sessions are open on this server; try again later.";
            Response.StatusCode = 503;
            return Page();
        }

        SessionCookie.Write(HttpContext, token);
        return Redirect("/");
    }
}
