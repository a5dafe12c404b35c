using Likeness.Application;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>Applies other nodes' changes to this node's snapshots every 100 ms.</summary>
public sealed class ChangeFeedPoller(LikenessCore core, ILogger<ChangeFeedPoller> log)
    : PeriodicService(core.Clock, TimeSpan.FromMilliseconds(100), log)
{
    protected override Task TickAsync() => core.Changes.SyncAsync();
}
