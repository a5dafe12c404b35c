using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>A render waiting for per-instance approval lapses after seven days: it cannot be approved after, and releases nothing.</summary>
public abstract class PendingLapseTests(Provider provider) : WorldTests(provider)
{
    [Fact]
    public async Task A_pending_render_lapses_after_seven_days_and_cannot_be_approved_then()
    {
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, categories: ["violence"]));
        Assert.True(status == 202, render?.ToJsonString());
        var id = render!["renderId"]!.GetValue<string>();
        Assert.Equal(Server.Clock.GetUtcNow().AddDays(7), render["expiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(0m, render["reservedSeconds"]!.GetValue<decimal>());

        Server.Clock.Advance(TimeSpan.FromDays(7));
        var (late, problem) = await W.As(W.Performer).PostAsync($"/v1/renders/{id}/approve", new { });
        Assert.True(late == 409, problem?.ToJsonString());
        Assert.Equal("approval_expired", problem!["code"]!.GetValue<string>());

        Assert.Equal(1, await Server.Server.Core.Renders.LapseExpiredAsync());
        var (_, lapsed) = await W.As(W.Studio).GetJsonAsync($"/v1/renders/{id}");
        Assert.Equal("lapsed", lapsed!["status"]!.GetValue<string>());
        var (again, _) = await W.As(W.Performer).PostAsync($"/v1/renders/{id}/approve", new { });
        Assert.Equal(409, again);

        var (_, license) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses/{W.LicenseId}");
        Assert.Equal(0m, license!["budgets"]![0]!["secondsReserved"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_pending_render_approved_in_time_is_authorized()
    {
        var (_, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, categories: ["violence"]));
        Server.Clock.Advance(TimeSpan.FromDays(6));
        var (status, approved) = await W.As(W.Performer).PostAsync($"/v1/renders/{render!["renderId"]!.GetValue<string>()}/approve", new { });
        Assert.True(status == 200, approved?.ToJsonString());
        Assert.Equal("authorized", approved!["status"]!.GetValue<string>());
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class PendingLapseTestsOnSqlite() : PendingLapseTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class PendingLapseTestsOnPostgres() : PendingLapseTests(Provider.Postgres);
