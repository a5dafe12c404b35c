using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Server;
using Microsoft.AspNetCore.Builder;

namespace Likeness.Tests.Support;

/// <summary>The storage providers every provider-neutral test runs against.</summary>
public enum Provider { Sqlite, Postgres }

/// <summary>A real Kestrel server on a free loopback port, on a SQLite file in a temporary folder or a fresh PostgreSQL database.</summary>
public sealed class TestServer : ILikenessEndpoint, IAsyncDisposable
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private TestServer(BuiltServer server, string dir, string db, ManualClock clock, string operatorKey)
    {
        Server = server;
        Dir = dir;
        Db = db;
        Clock = clock;
        OperatorKey = operatorKey;
        Url = server.App.Urls.First();
    }

    public BuiltServer Server { get; }
    public string Dir { get; }
    public string Db { get; }
    public ManualClock Clock { get; }

    /// <summary>Starts another server on the same store (a restart, or another node of it).</summary>
    public Task<TestServer> StartAnotherAsync(ManualClock? clock = null) =>
        StartAsync(Db.StartsWith("Host=", StringComparison.Ordinal) ? Provider.Postgres : Provider.Sqlite, Dir, clock ?? Clock, OperatorKey, Db);
    public string OperatorKey { get; }
    public string Url { get; }

    public static async Task<TestServer> StartAsync(string? dir = null, ManualClock? clock = null, string? operatorKey = null) =>
        await StartAsync(Provider.Sqlite, dir, clock, operatorKey);

    public static async Task<TestServer> StartAsync(Provider provider, string? dir = null, ManualClock? clock = null, string? operatorKey = null, string? db = null, Func<ServerSettings, ServerSettings>? adjust = null)
    {
        dir ??= Directory.CreateTempSubdirectory("likeness-test-").FullName;
        db ??= provider == Provider.Sqlite ? Path.Combine(dir, "likeness.db") : await (await PostgresCluster.Shared).CreateDatabaseAsync();
        clock ??= new ManualClock(Epoch);
        // A PostgreSQL store is told where its signing key is; a restart or another node on the store reads the same file.
        var signingKey = provider == Provider.Postgres ? Path.Combine(dir, "signing-key.pem") : null;
        var settings = new ServerSettings(db, "http://127.0.0.1:0") { Clock = clock, SigningKey = signingKey };
        var built = await LikenessServer.BuildAsync(adjust is null ? settings : adjust(settings));
        await built.App.StartAsync();
        return new TestServer(built, dir, db, clock, built.NewOperatorKey ?? operatorKey ?? throw new InvalidOperationException("operator key"));
    }

    public HttpClient Client(string? key)
    {
        var c = new HttpClient { BaseAddress = new Uri(Url) };
        if (key is not null)
        {
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return c;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.App.StopAsync();
        await Server.App.DisposeAsync();
    }

    public void DeleteFiles()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort on a temp folder.
        }
    }
}
