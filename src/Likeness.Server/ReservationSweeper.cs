using Likeness.Application;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>
/// Lapses reservations nobody settled, records licence expiries and publishes the licence notices time brings (expiring,
/// a revocation taking effect), and the custody vault's retention (reminders, overdue copies, post-mortem shredding),
/// every five seconds.
/// </summary>
public sealed class ReservationSweeper(LikenessCore core, ILogger<ReservationSweeper> log)
    : PeriodicService(core.Clock, TimeSpan.FromSeconds(5), log)
{
    protected override async Task TickAsync()
    {
        await core.Renders.LapseExpiredAsync();
        await core.Licenses.RecordExpiriesAsync();
        await core.LicenseNotices.PublishDueAsync();
        await core.Retention.SweepAsync();
    }
}
