using Likeness.Application.Contracts;

namespace Likeness.Web.Pages;

/// <summary>One licence: its terms, budgets as bars, and its renders. Another party's licence is a 404, as in the API.</summary>
public sealed class LicenceModel : PartyPageModel
{
    public LicenseView Licence { get; private set; } = null!;
    public RenderView[] Renders { get; private set; } = [];

    public async Task OnGetAsync(string id)
    {
        Licence = await Core.Licenses.GetAsync(Caller, id, HttpContext.RequestAborted);
        Renders = (await Core.Lists.RendersAsync(Caller, null, id, null, null, 100, HttpContext.RequestAborted)).Items;
    }
}
