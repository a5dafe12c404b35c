using System.Text;
using Likeness.Application.Common;
using Likeness.Application.Ports;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Storage;

/// <summary>
/// The writer remembers budgets, renders and idempotency keys between its batches. Two nodes on one PostgreSQL show
/// that what one remembers never outlives a change the other commits, and that a key recorded by the other node is
/// answered with the first answer even when this node's memory does not know it.
/// </summary>
public sealed class WriterCacheTestsOnPostgres() : WorldTests(Provider.Postgres)
{
    [Fact]
    public async Task Budgets_and_renders_changed_on_another_node_are_seen_here()
    {
        await using var other = await Server.StartAnotherAsync();
        var licenseId = await W.LicenseAsync(World.Use(maxSyntheticSeconds: 20), null);
        using var here = W.As(W.Studio);
        using var there = other.Client(W.Studio.Key);

        // 15 of the 20 seconds reserved here and released there: another 15 fit here.
        var first = await Authorize(here, licenseId, 15);
        Assert.Equal(200, (await there.PostAsync($"/v1/renders/{first}/cancel")).Status);
        await Authorize(here, licenseId, 15);

        // Reserved here, cancelled there and the seconds taken again there: this node must not settle it.
        var second = await Authorize(here, licenseId, 5);
        Assert.Equal(200, (await there.PostAsync($"/v1/renders/{second}/cancel")).Status);
        await Authorize(there, licenseId, 5);
        var (status, refused) = await here.PostAsync($"/v1/renders/{second}/complete", new { actualSeconds = 5, outputSha256 = new string('e', 64) });
        Assert.Equal(409, status);
        Assert.Equal("render_state", refused!["code"]!.GetValue<string>());
        var (denied, problem) = await here.PostAsync("/v1/renders", World.RenderBody(licenseId, 1));
        Assert.Equal(403, denied);
        Assert.Equal("seconds_budget_exhausted", World.Codes(problem));
    }

    private static async Task<string> Authorize(HttpClient client, string licenseId, decimal seconds)
    {
        var (status, render) = await client.PostAsync("/v1/renders", World.RenderBody(licenseId, seconds));
        Assert.True(status == 201, render?.ToJsonString());
        return render!["renderId"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_key_recorded_by_another_node_gets_the_first_answer_and_changes_nothing()
    {
        await using var other = await Server.StartAnotherAsync();
        var here = new Mutations(Server.Server.Core.Store, Server.Clock, TimeSpan.FromDays(7));
        var there = new Mutations(other.Server.Core.Store, other.Clock, TimeSpan.FromDays(7));
        var key = new IdempotentRequest("cross-node-key", "request-hash");

        var first = await there.WriteAsync("scope", key, s =>
        {
            s.AppendLedgerEntry(Encoding.UTF8.GetBytes("first"));
            return new Outcome(201, "{\"answer\":\"first\"}");
        });
        var size = await Server.Server.Core.Store.ReadAsync(s => s.LedgerEntryCount());

        // Straight to the writer, as when the replay lookup ran before the other node committed.
        var second = await here.WriteAsync("scope", key, s =>
        {
            s.AppendLedgerEntry(Encoding.UTF8.GetBytes("second"));
            return new Outcome(201, "{\"answer\":\"second\"}");
        });

        Assert.Equal(first, second);
        Assert.Equal(size, await Server.Server.Core.Store.ReadAsync(s => s.LedgerEntryCount()));
    }
}
