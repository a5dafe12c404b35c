using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Caps;

/// <summary>
/// Two nodes on one PostgreSQL: what one node's writer remembers of a performer's consent and cap counters never outlives a
/// change the other commits (the write epoch makes it forget), so a cap binds from its commit on every node.
/// </summary>
public sealed class CapNodeCacheTestsOnPostgres() : WorldTests(Provider.Postgres)
{
    [Fact]
    public async Task A_cap_and_renders_on_another_node_bind_here_at_once()
    {
        await using var other = await Server.StartAnotherAsync();
        using var here = W.As(W.Studio);
        using var there = other.Client(W.Studio.Key);

        // This node decides on a snapshot of the consent before the cap, and its writer remembers the counters.
        var (_, first) = await here.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 20));
        var (written, _) = await other.Client(W.Performer.Key).SendAsync(HttpMethod.Put, $"/v1/performers/{W.Performer.Id}/consent", CapTestKit.Consent(CapTestKit.SecondsCap("monthly", 30)));
        Assert.Equal(200, written);
        var (status, problem) = await here.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 15));
        Assert.Equal(403, status);
        Assert.Equal("performer_cap_exhausted", World.Codes(problem));

        // Released on the other node: the room is seen here.
        Assert.Equal(200, (await there.PostAsync($"/v1/renders/{first!["renderId"]}/cancel")).Status);
        Assert.Equal(201, (await here.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 15))).Status);
        Assert.Equal(201, (await there.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 15))).Status);
        Assert.Equal(403, (await here.PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 0.001m))).Status);
    }
}
