using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Likeness.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 cluster for the test run: initdb in a temporary folder, started on a free loopback port
/// (as the <c>postgres</c> user when the tests run as root, since initdb refuses root), one database per test
/// server, stopped when the test process exits. <c>LIKENESS_TEST_PG</c> (a connection string to a server the
/// caller started) skips all of that.
/// </summary>
public sealed class PostgresCluster
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<Task<PostgresCluster>> SharedCluster = new(StartAsync);
    private static int s_databases;
    private readonly string _admin;

    private PostgresCluster(string admin) => _admin = admin;

    public static Task<PostgresCluster> Shared => SharedCluster.Value;

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"likeness_{Environment.ProcessId}_{Interlocked.Increment(ref s_databases)}";
        await using var c = new NpgsqlConnection(_admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", c);
        await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString;
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("LIKENESS_TEST_PG") is { Length: > 0 } external)
        {
            return new PostgresCluster(external);
        }

        // Clusters of earlier runs that were stopped but not removed (the host may end before cleanup finishes).
        foreach (var old in Directory.GetDirectories(Path.GetTempPath(), "likeness-pg-*"))
        {
            if (!File.Exists(Path.Combine(old, "data", "postmaster.pid")))
            {
                try
                {
                    Directory.Delete(old, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort.
                }
            }
        }

        var dir = Directory.CreateTempSubdirectory("likeness-pg-").FullName;
        var root = Environment.UserName == "root";
        if (root)
        {
            await Run("chown", "-R", "postgres:postgres", dir);
        }

        var port = FreePort();
        await Run(root, $"{Bin}/initdb", "-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        await Run(root, $"{Bin}/pg_ctl", "-D", Path.Combine(dir, "data"), "-l", Path.Combine(dir, "log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c max_connections=300", "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var stop = Process.Start(Command(root, $"{Bin}/pg_ctl", "-D", Path.Combine(dir, "data"), "-m", "immediate", "stop"))!;
            stop.WaitForExit(30_000);
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort on a temporary folder.
            }
        };
        return new PostgresCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static ProcessStartInfo Command(bool asPostgres, string file, params string[] args)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }

    private static Task Run(string file, params string[] args) => Run(false, file, args);

    private static async Task Run(bool asPostgres, string file, params string[] args)
    {
        using var p = Process.Start(Command(asPostgres, file, args))!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = p.StandardOutput.ReadToEndAsync(limit.Token);
        var error = p.StandardError.ReadToEndAsync(limit.Token);
        await p.WaitForExitAsync(limit.Token);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {await output} {await error}");
        }
    }
}
