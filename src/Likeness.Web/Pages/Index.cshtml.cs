using Microsoft.AspNetCore.Mvc;

namespace Likeness.Web.Pages;

/// <summary>The landing page by party kind: the performer's side lands on its Inbox, everyone else on Licences.</summary>
public sealed class IndexModel : PartyPageModel
{
    public IActionResult OnGet() => Redirect(PerformerSide ? "/inbox" : "/licences");
}
