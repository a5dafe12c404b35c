using System.Diagnostics;
using System.Globalization;
using Likeness.Application;
using Likeness.Application.Ports;
using Likeness.Ledger;
using Likeness.Server;
using Likeness.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;

namespace Likeness.Bench;

/// <summary>Timed ledger harnesses on a real SQLite file in a temporary folder.</summary>
public static class LedgerHarness
{
    /// <summary>A log that tells a valid story: a licence, then renders authorized and completed in turn.</summary>
    private static byte[] Entry(long i, string performer = "prf_bench", string studio = "std_bench") => System.Text.Encoding.UTF8.GetBytes(i == 0
        ? $"{{\"at\":\"2026-11-22T00:00:00.000Z\",\"by\":\"{performer}\",\"consentVersion\":1,\"kind\":\"license.approved\",\"license\":\"lic_bench\",\"performer\":\"{performer}\",\"request\":\"lrq_bench\",\"studio\":\"{studio}\",\"termEnd\":\"2030-01-01T00:00:00.000Z\",\"termsSha256\":\"00\",\"v\":1}}"
        : i % 2 == 1
            ? $"{{\"at\":\"2026-11-22T00:00:00.000Z\",\"kind\":\"render.authorized\",\"license\":\"lic_bench\",\"render\":\"rnd_{i:D12}\",\"requestSha256\":\"00\",\"requestedMs\":1000,\"reservedMs\":1000,\"use\":0,\"v\":1}}"
            : $"{{\"actualMs\":900,\"at\":\"2026-11-22T00:00:01.000Z\",\"kind\":\"render.completed\",\"license\":\"lic_bench\",\"outputSha256\":\"00\",\"render\":\"rnd_{i - 1:D12}\",\"reservedMs\":1000,\"use\":0,\"v\":1}}");

    /// <summary>Concurrent writers each append one entry per durable command (group commit shares the fsync); then in batches of 1,000 per command; then integration.</summary>
    public static async Task AppendAsync(int entries, int writers)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        try
        {
            await using var store = new SqliteStore(Path.Combine(dir, "bench.db"));
            using var core = await LikenessCore.OpenAsync(store, Likeness.Server.StoreFactory.SigningKeys(Path.Combine(dir, "bench.db"), null), TimeProvider.System, new LikenessOptions());

            var sw = Stopwatch.StartNew();
            var next = -1L;
            await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
            {
                while (true)
                {
                    var i = Interlocked.Increment(ref next);
                    if (i >= entries)
                    {
                        return;
                    }

                    await store.WriteAsync(s => s.AppendLedgerEntry(Entry(i)));
                }
            }));
            sw.Stop();
            Console.WriteLine($"durable appends, one per command, {writers} concurrent writers: {entries:N0} in {sw.Elapsed.TotalSeconds:F2} s = {BenchCommands.Rate(entries, sw)}");

            sw.Restart();
            const int batch = 1000;
            await Task.WhenAll(Enumerable.Range(0, entries / batch).Select(b => store.WriteAsync(s =>
            {
                for (var i = 0; i < batch; i++)
                {
                    s.AppendLedgerEntry(Entry(entries + ((long)b * batch) + i));
                }

                return 0;
            })));
            sw.Stop();
            Console.WriteLine($"durable appends in batches of {batch}: {entries:N0} in {sw.Elapsed.TotalSeconds:F2} s = {BenchCommands.Rate(entries, sw)}");

            sw.Restart();
            long size = 0;
            while ((await core.Ledger.IntegrateAsync())!.Size is var s && s > size)
            {
                size = s;
                if (size >= 2L * entries)
                {
                    break;
                }
            }

            sw.Stop();
            Console.WriteLine($"integration (leaf hashes, tiles, signed checkpoint): {size:N0} entries in {sw.Elapsed.TotalSeconds:F2} s = {BenchCommands.Rate(size, sw)}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Builds a log of <paramref name="entries"/> entries, serves it on loopback, and times the CLI's full verification.</summary>
    public static async Task VerifyAsync(int entries)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        try
        {
            var db = Path.Combine(dir, "bench.db");
            var built = await LikenessServer.BuildAsync(new ServerSettings(db, "http://127.0.0.1:0"));
            var op = (await built.Core.Parties.AuthenticateAsync(built.NewOperatorKey!))!;

            // The log records its parties since issue 14: the performer and studio its entries name are created first.
            async Task<string> PartyAsync(string kind) => Application.Common.Json.DeserializeStored<Application.Contracts.PartyView>(
                (await built.Core.Parties.CreateAsync(op, new Application.Contracts.CreatePartyBody(kind, "bench " + kind), null)).Body).Id;
            var performer = await PartyAsync("performer");
            var studio = await PartyAsync("studio");
            for (long done = 0; done < entries; done += 50_000)
            {
                var from = done;
                var n = (int)Math.Min(50_000, entries - done);
                await built.Core.Store.WriteAsync(s =>
                {
                    for (var i = 0; i < n; i++)
                    {
                        s.AppendLedgerEntry(Entry(from + i, performer, studio));
                    }

                    return 0;
                });
            }

            while ((await built.Core.Ledger.IntegrateAsync())!.Size < entries)
            {
            }

            await built.App.StartAsync();
            var url = built.App.Urls.First();
            var auditor = Application.Common.Json.DeserializeStored<Application.Contracts.PartyView>(
                (await built.Core.Parties.CreateAsync(op, new Application.Contracts.CreatePartyBody("auditor", "bench auditor"), null)).Body).ApiKey!;
            foreach (var (label, extra) in new[] { ("hash tiles only", Array.Empty<string>()), ("with an auditor's key: entries hashed and the story replayed", new[] { "--key", auditor }) })
            {
                var sw = Stopwatch.StartNew();
                var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "likeness.dll"), "ledger", "verify", "--server", url, "--trusted-checkpoint", Path.Combine(dir, "t.checkpoint") }.Concat(extra))
                {
                    psi.ArgumentList.Add(a);
                }

                using var p = Process.Start(psi)!;
                var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
                await p.WaitForExitAsync();
                sw.Stop();
                Console.WriteLine(output.Trim());
                Console.WriteLine($"full verification of {entries:N0} entries over loopback, {label} (process start included): {sw.Elapsed.TotalSeconds:F2} s, exit {p.ExitCode}");
            }

            await built.App.StopAsync();
            await built.App.DisposeAsync();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
