using Likeness.Application.Planning;

namespace Likeness.Web.Pages;

/// <summary>
/// One plan, for the studio that made it (issue 21, docs/PLANNING.md): a version's scenes with their tiers and why, the
/// synthetic seconds each performer's request would ask, and the drafted requests with their conflicts, before any is
/// sent. Another party's plan is a 404, as in the API.
/// </summary>
public sealed class PlanModel : PartyPageModel
{
    public PlanView Plan { get; private set; } = null!;
    public PlanDraftsView Drafts { get; private set; } = null!;

    public async Task OnGetAsync(string id, int? version)
    {
        Plan = await Core.Plans.GetAsync(Caller, id, version, HttpContext.RequestAborted);
        Drafts = await Core.Plans.DraftsAsync(Caller, id, Plan.Version, HttpContext.RequestAborted);
    }
}
