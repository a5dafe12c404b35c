using Likeness.Application.Ledger;
using Likeness.Application.Operations;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Operations;

/// <summary>The ledger is called stalled when entries wait and no integration moves for ten seconds, on the injected clock.</summary>
public sealed class LedgerWatchTests
{
    private readonly ManualClock _clock = new(TestServer.Epoch);

    [Fact]
    public void Entries_that_wait_with_no_integration_are_timed_from_the_first_look_that_saw_them()
    {
        var watch = new LedgerWatch(_clock);
        Assert.Equal(TimeSpan.Zero, watch.Observe(new LedgerStatus(10, 10)));

        // A long quiet spell, then new entries: they have waited from this look, not since the last integration.
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.Zero, watch.Observe(new LedgerStatus(13, 10)));
        Assert.Equal(3, watch.Lag);

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.True(watch.Observe(new LedgerStatus(20, 10)) < LedgerWatch.StallAfter);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(watch.Observe(new LedgerStatus(25, 10)) >= LedgerWatch.StallAfter);
        Assert.Equal(15, watch.Lag);
    }

    [Fact]
    public void An_integration_that_moves_or_an_empty_backlog_starts_the_wait_again()
    {
        var watch = new LedgerWatch(_clock);
        watch.Observe(new LedgerStatus(100, 50));
        _clock.Advance(TimeSpan.FromSeconds(30));

        // Under load there is always a backlog, but the sequencer keeps integrating it: never stalled.
        Assert.Equal(TimeSpan.Zero, watch.Observe(new LedgerStatus(200, 100)));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.Zero, watch.Observe(new LedgerStatus(200, 200)));
        Assert.Equal(0, watch.Lag);
    }
}
