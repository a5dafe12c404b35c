using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Npgsql;
using Xunit;

namespace Likeness.Tests.Operations;

/// <summary>
/// <c>/healthz</c>: public, the shape the first version answered (<c>status</c>, <c>sequencer</c>) with each check's
/// detail; 503 with a JSON body when the store does not answer, and back to 200 when it does again.
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task A_healthy_node_says_ok_with_the_store_and_the_ledger_checked()
    {
        var server = await TestServer.StartAsync();
        try
        {
            _ = await World.CreateAsync(server);
            using var anyone = server.Client(null);

            // The ledger's entries (parties, consent, the licence) are integrated within a tick or two, and the report follows within a second.
            (int Status, JsonNode? Body) health = default;
            Assert.True(
                await NodeProcess.EventuallyAsync(
                    async () =>
                    {
                        health = await anyone.GetJsonAsync("/healthz");
                        var ledger = health.Body?["checks"]?["ledger"];
                        return health.Body?["sequencer"]?.GetValue<bool>() == true && ledger?["entries"]?.GetValue<long>() > 0 && ledger["lag"]!.GetValue<long>() == 0;
                    },
                    TimeSpan.FromSeconds(20)),
                health.Body?.ToJsonString());

            Assert.Equal(200, health.Status);
            var body = health.Body!;
            Assert.Equal("ok", body["status"]!.GetValue<string>());
            Assert.Equal("ok", body["checks"]!["store"]!["status"]!.GetValue<string>());
            var ledger = body["checks"]!["ledger"]!;
            Assert.Equal("ok", ledger["status"]!.GetValue<string>());
            Assert.Equal(ledger["entries"]!.GetValue<long>(), ledger["integrated"]!.GetValue<long>());
            Assert.Equal(0, ledger["waitingSeconds"]!.GetValue<double>());

            using var response = await anyone.GetAsync("/healthz");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            await server.DisposeAsync();
            server.DeleteFiles();
        }
    }

    [Fact]
    public async Task A_store_that_does_not_answer_is_503_unhealthy_and_healthy_again_once_it_does()
    {
        var server = await TestServer.StartAsync(Provider.Postgres);
        var database = new NpgsqlConnectionStringBuilder(server.Db).Database!;
        var admin = new NpgsqlConnectionStringBuilder(server.Db) { Database = "postgres", Pooling = false }.ConnectionString;
        try
        {
            using var anyone = server.Client(null);
            Assert.Equal(200, (await anyone.GetJsonAsync("/healthz")).Status);

            // The database refuses every connection, and the ones the node holds are closed: the store is out of reach.
            await AdminAsync(admin, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS false");
            await AdminAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
            (int Status, JsonNode? Body) health = default;
            Assert.True(
                await NodeProcess.EventuallyAsync(async () => (health = await anyone.GetJsonAsync("/healthz")).Status == 503, TimeSpan.FromSeconds(20)),
                health.Body?.ToJsonString());
            Assert.Equal("unhealthy", health.Body!["status"]!.GetValue<string>());
            var store = health.Body["checks"]!["store"]!;
            Assert.Equal("unhealthy", store["status"]!.GetValue<string>());
            Assert.Equal("The store did not answer a read.", store["description"]!.GetValue<string>());

            // No internals in a public answer: no exception text, no connection details.
            Assert.DoesNotContain("Npgsql", health.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(database, health.Body.ToJsonString(), StringComparison.Ordinal);
            using (var response = await anyone.GetAsync("/healthz"))
            {
                Assert.Equal(new MediaTypeHeaderValue("application/json"), response.Content.Headers.ContentType);
            }

            await AdminAsync(admin, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true");
            Assert.True(
                await NodeProcess.EventuallyAsync(async () => (health = await anyone.GetJsonAsync("/healthz")).Status == 200, TimeSpan.FromSeconds(20)),
                health.Body?.ToJsonString());
            Assert.Equal("ok", health.Body!["checks"]!["store"]!["status"]!.GetValue<string>());
        }
        finally
        {
            await AdminAsync(admin, $"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS true");
            await server.DisposeAsync();
            server.DeleteFiles();
        }
    }

    private static async Task AdminAsync(string admin, string sql)
    {
        await using var c = new NpgsqlConnection(admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
