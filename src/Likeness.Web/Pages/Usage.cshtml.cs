using Likeness.Application.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Likeness.Web.Pages;

/// <summary>
/// The performer's usage over time: seconds and renders per month, by studio and licence, as a chart drawn on the
/// server and as a table. It reads the latest <see cref="MaxEvents"/> completed renders through the usage use case
/// (the API's <c>/v1/performers/{id}/usage</c>), and says so when there are more.
/// </summary>
public sealed class UsageModel : PartyPageModel
{
    public const int MaxEvents = 5000;

    public UsageRow[] Rows { get; private set; } = [];
    public bool Truncated { get; private set; }
    public string? PerformerId { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? performer)
    {
        if (!PerformerSide)
        {
            return Redirect("/licences");
        }

        PerformerId = Caller.Kind == Domain.Common.PartyKind.Performer ? Caller.Id : performer ?? Caller.Represents.FirstOrDefault();
        if (PerformerId is null)
        {
            return Page();
        }

        var events = new List<UsageEventView>();
        string? cursor = null;
        do
        {
            var page = await Core.Usage.ForPerformerAsync(Caller, PerformerId, cursor, Application.Usage.UsageService.MaxPageSize, HttpContext.RequestAborted);
            events.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && events.Count < MaxEvents);

        Truncated = cursor is not null;
        Rows = UsageChart.Rows(events);
        return Page();
    }
}
