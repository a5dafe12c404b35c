using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

public abstract class BudgetAndIdempotencyTests(Provider provider)
{
    private static string Sha(int i) => i.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sixty_four_clients_racing_one_second_renders_on_a_100_second_budget_get_exactly_100_permits()
    {
        await using var server = await TestServer.StartAsync(provider);
        var w = await World.CreateAsync(server, use: World.Use(maxSyntheticSeconds: 100, maxRenders: null));
        var permits = 0;
        var denials = 0;
        var others = 0;
        var clients = Enumerable.Range(0, 64).Select(_ => w.As(w.Studio)).ToArray();
        await Task.WhenAll(clients.Select(async (c, n) =>
        {
            for (var i = 0; i < 3; i++)
            {
                var (status, body) = await c.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 1), $"race-{n}-{i}");
                if (status == 201)
                {
                    Interlocked.Increment(ref permits);
                }
                else if (status == 403 && World.Codes(body) == "seconds_budget_exhausted")
                {
                    Interlocked.Increment(ref denials);
                }
                else
                {
                    Interlocked.Increment(ref others);
                }
            }
        }));
        Assert.Equal(100, permits);
        Assert.Equal(92, denials);
        Assert.Equal(0, others);
        var (_, license) = await w.As(w.Studio).GetJsonAsync($"/v1/licenses/{w.LicenseId}");
        Assert.Equal(100m, license!["budgets"]![0]!["secondsReserved"]!.GetValue<decimal>());
        Assert.Equal("exhausted", license["status"]!.GetValue<string>());
        server.DeleteFiles();
    }

    [Fact]
    public async Task Unused_seconds_come_back_at_completion()
    {
        await using var server = await TestServer.StartAsync(provider);
        var w = await World.CreateAsync(server, use: World.Use(maxSyntheticSeconds: 20, maxRenders: null));
        var studio = w.As(w.Studio);
        var (_, r) = await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 20));
        Assert.Equal(403, (await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 1))).Status);
        await studio.PostAsync($"/v1/renders/{r!["renderId"]}/complete", new { actualSeconds = 12, outputSha256 = Sha(1) });
        Assert.Equal(201, (await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 8))).Status);
        var (s, p) = await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 1));
        Assert.Equal(403, s);
        Assert.Equal("seconds_budget_exhausted", World.Codes(p));
        server.DeleteFiles();
    }

    [Fact]
    public async Task A_retry_with_the_same_key_gets_the_first_answer_and_is_counted_once()
    {
        await using var server = await TestServer.StartAsync(provider);
        var w = await World.CreateAsync(server);
        var studio = w.As(w.Studio);
        var body = World.RenderBody(w.LicenseId, 10);
        var first = await studio.PostAsync("/v1/renders", body, "retry-1");
        var again = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => studio.PostAsync("/v1/renders", body, "retry-1")));
        Assert.All(again, a =>
        {
            Assert.Equal(201, a.Status);
            Assert.Equal(first.Body!["renderId"]!.GetValue<string>(), a.Body!["renderId"]!.GetValue<string>());
        });
        var (_, license) = await studio.GetJsonAsync($"/v1/licenses/{w.LicenseId}");
        Assert.Equal(10m, license!["budgets"]![0]!["secondsReserved"]!.GetValue<decimal>());
        Assert.Equal(1, license["budgets"]![0]!["rendersReserved"]!.GetValue<long>());

        var (cs, conflict) = await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 11), "retry-1");
        Assert.Equal(409, cs);
        Assert.Equal("idempotency_key_reused", conflict!["code"]!.GetValue<string>());

        var id = first.Body!["renderId"]!.GetValue<string>();
        var complete = new { actualSeconds = 9, outputSha256 = Sha(2) };
        var c1 = await studio.PostAsync($"/v1/renders/{id}/complete", complete, "complete-1");
        var c2 = await studio.PostAsync($"/v1/renders/{id}/complete", complete, "complete-1");
        Assert.Equal(200, c1.Status);
        Assert.Equal(c1.Body!.ToJsonString(), c2.Body!.ToJsonString());
        (_, license) = await studio.GetJsonAsync($"/v1/licenses/{w.LicenseId}");
        Assert.Equal(9m, license!["budgets"]![0]!["secondsUsed"]!.GetValue<decimal>());
        Assert.Equal(1, license["budgets"]![0]!["rendersUsed"]!.GetValue<long>());

        var p1 = await w.As(w.Operator).PostAsync("/v1/parties", new { kind = "studio", name = "Once" }, "party-1");
        var p2 = await w.As(w.Operator).PostAsync("/v1/parties", new { kind = "studio", name = "Once" }, "party-1");
        Assert.Equal(p1.Body!["id"]!.GetValue<string>(), p2.Body!["id"]!.GetValue<string>());
        server.DeleteFiles();
    }

    [Fact]
    public async Task A_retry_of_a_permitted_render_gets_its_first_answer_after_the_licence_was_suspended()
    {
        // The policy now denies outside the writer, where no key is looked up on the way in: the denial must still
        // look for the first answer.
        await using var server = await TestServer.StartAsync(provider);
        var w = await World.CreateAsync(server);
        var (first, render) = await w.As(w.Studio).PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 2), "before-suspension");
        Assert.Equal(201, first);
        Assert.Equal(200, (await w.As(w.Performer).PostAsync($"/v1/licenses/{w.LicenseId}/suspend", new { })).Status);

        var (fresh, _) = await w.As(w.Studio).PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 2), "after-suspension");
        var (retry, again) = await w.As(w.Studio).PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 2), "before-suspension");

        Assert.Equal(403, fresh);
        Assert.Equal(201, retry);
        Assert.Equal(render!["renderId"]!.GetValue<string>(), again!["renderId"]!.GetValue<string>());
        server.DeleteFiles();
    }

    [Fact]
    public async Task A_restart_keeps_every_acknowledged_render()
    {
        var server = await TestServer.StartAsync(provider);
        var w = await World.CreateAsync(server);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var (s, r) = await w.As(w.Studio).PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 2), $"k{i}");
            Assert.Equal(201, s);
            ids.Add(r!["renderId"]!.GetValue<string>());
            if (i % 2 == 0)
            {
                Assert.Equal(200, (await w.As(w.Studio).PostAsync($"/v1/renders/{ids[^1]}/complete", new { actualSeconds = 2, outputSha256 = Sha(i) })).Status);
            }
        }

        await server.DisposeAsync();
        await using var again = await server.StartAnotherAsync();
        var studio = again.Client(w.Studio.Key);
        foreach (var id in ids)
        {
            Assert.Equal(200, (await studio.GetJsonAsync($"/v1/renders/{id}")).Status);
        }

        var (_, license) = await studio.GetJsonAsync($"/v1/licenses/{w.LicenseId}");
        Assert.Equal(20m, license!["budgets"]![0]!["secondsUsed"]!.GetValue<decimal>());
        Assert.Equal(20m, license["budgets"]![0]!["secondsReserved"]!.GetValue<decimal>());
        var (rs, replay) = await studio.PostAsync("/v1/renders", World.RenderBody(w.LicenseId, 2), "k3");
        Assert.Equal(201, rs);
        Assert.Equal(ids[3], replay!["renderId"]!.GetValue<string>());
        again.DeleteFiles();
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class BudgetAndIdempotencyTestsOnSqlite() : BudgetAndIdempotencyTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class BudgetAndIdempotencyTestsOnPostgres() : BudgetAndIdempotencyTests(Provider.Postgres);
