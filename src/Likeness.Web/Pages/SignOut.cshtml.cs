using Likeness.Web.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Likeness.Web.Pages;

/// <summary>Sign-out: a POST (with the antiforgery token, so no other site can sign a user out) ends the session.</summary>
public sealed class SignOutModel(WebSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost()
    {
        sessions.Close(SessionCookie.Read(HttpContext));
        SessionCookie.Delete(HttpContext);
        return Redirect("/signin");
    }
}
