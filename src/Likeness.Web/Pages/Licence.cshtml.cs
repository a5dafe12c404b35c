using Likeness.Application.Contracts;
using Likeness.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Likeness.Web.Pages;

/// <summary>
/// One licence: its terms, budgets as bars, and its renders. Another party's licence is a 404, as in the API. The
/// performer's side and her union may suspend and resume it (a strike); the use case decides who may.
/// </summary>
public sealed class LicenceModel : PartyPageModel
{
    public LicenseView Licence { get; private set; } = null!;
    public RenderView[] Renders { get; private set; } = [];

    /// <summary>Whether to offer Suspend and Resume: not to a studio or an auditor (the use case refuses them anyway).</summary>
    public bool MayPause => PerformerSide || Caller.Kind == PartyKind.Union;

    /// <summary>Whether the caller may list renders (ListScopes: a studio and the performer's side; a union and an auditor may not).</summary>
    public bool SeesRenders => PerformerSide || Caller.Kind == PartyKind.Studio;

    public async Task OnGetAsync(string id) => await LoadAsync(id);

    public Task<IActionResult> OnPostSuspendAsync(string id) =>
        ActAsync(id, Core.Licenses.SuspendAsync(Caller, id, FormIdempotency(), null, HttpContext.RequestAborted), "Licence suspended.");

    public Task<IActionResult> OnPostResumeAsync(string id) =>
        ActAsync(id, Core.Licenses.ResumeAsync(Caller, id, FormIdempotency(), null, HttpContext.RequestAborted), "Licence resumed.");

    private async Task<IActionResult> ActAsync(string id, Task<Application.Common.Outcome> act, string done)
    {
        var outcome = await act;
        if (outcome.Refusal is { } refusal)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Status;
            await LoadAsync(id);
            return Page();
        }

        return Redirect($"/licences/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(done)}");
    }

    private async Task LoadAsync(string id)
    {
        Licence = await Core.Licenses.GetAsync(Caller, id, HttpContext.RequestAborted);
        Renders = SeesRenders ? (await Core.Lists.RendersAsync(Caller, null, id, null, null, 100, HttpContext.RequestAborted)).Items : [];
    }
}
