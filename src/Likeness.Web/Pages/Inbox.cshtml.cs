using Likeness.Application.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Likeness.Web.Pages;

/// <summary>
/// The performer side's landing page: requests waiting for her answer (approve, veto with a reason, counter), renders
/// waiting for her per-instance approval, licences expiring within 30 days, and suspended licences.
/// </summary>
public sealed class InboxModel : PartyPageModel
{
    public LicenseRequestView[] Waiting { get; private set; } = [];
    public RenderView[] PendingRenders { get; private set; } = [];
    public LicenseView[] Expiring { get; private set; } = [];
    public LicenseView[] Suspended { get; private set; } = [];

    /// <summary>Each licence's project, for the renders waiting on it.</summary>
    public Dictionary<string, string> Projects { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!PerformerSide)
        {
            return Redirect("/licences");
        }

        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(string id) =>
        ActAsync(() => Core.Requests.ApproveAsync(Caller, id, new ApproveBody(), FormIdempotency(), null, HttpContext.RequestAborted), "Approved: the licence is granted.");

    public Task<IActionResult> OnPostVetoAsync(string id, string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? ShowAsync("Give a reason for the veto.")
            : ActAsync(() => Core.Requests.VetoAsync(Caller, id, new VetoBody(reason.Trim()), FormIdempotency(), null, HttpContext.RequestAborted), "Vetoed.");

    public Task<IActionResult> OnPostApproveRenderAsync(string id) =>
        ActAsync(() => Core.Renders.ApproveAsync(Caller, id, FormIdempotency(), null, HttpContext.RequestAborted), "Render approved.");

    public Task<IActionResult> OnPostRejectRenderAsync(string id) =>
        ActAsync(() => Core.Renders.RejectAsync(Caller, id, FormIdempotency(), null, HttpContext.RequestAborted), "Render rejected.");

    private async Task<IActionResult> ActAsync(Func<Task<Application.Common.Outcome>> act, string done)
    {
        var outcome = await act();
        return outcome.Refusal is { } refusal ? await ShowAsync(refusal.Message, refusal.Status) : Redirect("/inbox?done=" + Uri.EscapeDataString(done));
    }

    private async Task<IActionResult> ShowAsync(string error, int status = 400)
    {
        Error = error;
        Response.StatusCode = status;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Waiting = (await Core.Lists.RequestsAsync(Caller, "pending", null, null, null, 50, ct)).Items;
        PendingRenders = (await Core.Lists.RendersAsync(Caller, "pendingApproval", null, null, null, 50, ct)).Items;
        Expiring = (await Core.Lists.LicensesAsync(Caller, "active", null, null, Now.AddDays(30), null, 50, ct)).Items;
        Suspended = (await Core.Lists.LicensesAsync(Caller, "suspended", null, null, null, null, 50, ct)).Items;
        foreach (var licenceId in PendingRenders.Select(r => r.LicenseId).Distinct())
        {
            Projects[licenceId] = (await Core.Licenses.GetAsync(Caller, licenceId, ct)).Terms.Project;
        }
    }
}
