using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace Likeness.Bench;

/// <summary>
/// <c>micro</c> runs the BenchmarkDotNet suites; the other commands are timed harnesses for what involves the
/// disk or the network (bounded in count and time, loopback only).
/// </summary>
public static class BenchCommands
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 ? args[0] : "help";
        var rest = args.Skip(1).ToArray();
        switch (command)
        {
            case "micro":
                BenchmarkSwitcher.FromAssembly(typeof(BenchCommands).Assembly).Run(rest);
                return 0;
            case "ledger-append":
                await LedgerHarness.AppendAsync(Option(rest, "--entries", 200_000), Option(rest, "--writers", 256));
                return 0;
            case "compare":
                await CompareHarness.RunAsync(Option(rest, "--decisions", 1_000_000), Option(rest, "--pairs", 20_000), Option(rest, "--clients", 64));
                return 0;
            case "denials":
                await DenialHarness.RunAsync(Option(rest, "--denials", 200_000));
                return 0;
            case "gateway":
                await GatewayHarness.RunAsync(new GatewayHarness.Options(
                    Text(rest, "--provider", "sqlite"), Option(rest, "--nodes", 1), Option(rest, "--clients", 64), Option(rest, "--pairs", 20_000),
                    Option(rest, "--seconds", 60), Array.IndexOf(rest, "--rate") >= 0 ? Option(rest, "--rate", 1000) : null, rest.Contains("--healthz"), Text(rest, "--client", "raw"), rest.Contains("--keys"),
                    Array.IndexOf(rest, "--studios") >= 0 ? Option(rest, "--studios", 1) : null,
                    Array.IndexOf(rest, "--cap-seconds") >= 0 ? Option(rest, "--cap-seconds", 1_000_000_000) : null, Text(rest, "--serve", ""),
                    Option(rest, "--contributors", 1), rest.Contains("--compare-caps"), Option(rest, "--rounds", 1)));
                return 0;
            case "http-allocations":
                await HttpAllocationHarness.RunAsync(Option(rest, "--pairs", 50_000), Option(rest, "--clients", 64), rest.Contains("--healthz"));
                return 0;
            case "statements":
                await StatementHarness.RunAsync(Option(rest, "--events", 10_000_000), Option(rest, "--licenses", 10_000));
                return 0;
            case "fuzz":
                return await FuzzHarness.RunAsync(Option(rest, "--cases", 50_000), Option(rest, "--seed", 20261112));
            case "webhooks":
                await WebhookHarness.RunAsync(Option(rest, "--burst", 20_000), Option(rest, "--rate", 1000), Option(rest, "--seconds", 20));
                return 0;
            case "lists":
                await ListHarness.RunAsync(Option(rest, "--renders", 1_000_000), Option(rest, "--pages", 1000));
                return 0;
            case "watermark":
                await WatermarkHarness.RunAsync(Option(rest, "--clips", 200), Option(rest, "--windows", 100_000), Option(rest, "--seed", 190019));
                return 0;
            case "web":
                await WebHarness.RunAsync(Option(rest, "--renders", 1_000_000), Option(rest, "--licenses", 10_000), Option(rest, "--requests", 200));
                return 0;
            case "acts":
                ActBenchmarks.Time(Option(rest, "--count", 20_000));
                return 0;
            case "provenance":
                await ProvenanceHarness.RunAsync(Option(rest, "--count", 5000), Option(rest, "--oracle-count", 20));
                return 0;
            case "planning":
                PlanningHarness.Run(Option(rest, "--rounds", 15), Option(rest, "--seed", 21));
                return 0;
            case "prompts":
                PromptHarness.Run(Option(rest, "--rounds", 200));
                return 0;
            case "voice":
                await VoiceHarness.RunAsync(Option(rest, "--takes", 10));
                return 0;
            case "custody":
                await CustodyHarness.RunAsync(Option(rest, "--mib", 2048), Option(rest, "--parts", 32));
                return 0;
            case "replay":
                ReplayHarness.Run(Option(rest, "--entries", 1_000_000));
                return 0;
            case "ledger-verify":
                await LedgerHarness.VerifyAsync(Option(rest, "--entries", 1_000_000));
                return 0;
            default:
                Console.WriteLine("""
                    likeness bench:
                      micro [BenchmarkDotNet options, e.g. --filter *Ledger*]
                      ledger-append [--entries 200000] [--writers 256]   durable appends through the SQLite store
                      ledger-verify [--entries 1000000]                  build a log, serve it, time 'likeness ledger verify'
                      replay [--entries 1000000]                         the auditor's replay with power checks, in process, vs JSON parsing alone
                      statements [--events 10000000] [--licenses 10000]  one period's statements on SQLite
                      compare [--decisions 1000000] [--pairs 20000] [--clients 64]
                                                                         decision vs Cedar; gateway writes vs the store's raw limit
                      fuzz [--cases 50000] [--seed N]                    the fuzz suite's generator, longer; non-zero exit on a failure
                      denials [--denials 200000]                         a denied render through the use case, in process
                      http-allocations [--pairs 50000] [--clients 64] [--healthz]  what a render pair allocates over HTTP, in process
                      webhooks [--burst 20000] [--rate 1000] [--seconds 20]  webhook deliveries/s, then commit-to-arrival latency at a rate
                      web [--renders 1000000] [--licenses 10000] [--requests 200]  the web app's pages on that store: time per page, bytes on first load
                      acts [--count 20000]                               verify a signed act (issue 14's goal: ≤ 100 µs)
                      provenance [--count 5000] [--oracle-count 20]      C2PA: claim signing/s, embedding into a 30 s WAV, validation beside c2pa-rs
                      planning [--rounds 15] [--seed 21]                 a 120-page screenplay broken down (goal 200 ms), a valuation over 1,000,000 usage rows (goal 100 ms)
                      prompts [--rounds 200]                             the prompt classifier's precision and recall on the labelled corpus, and its speed
                      custody [--mib 2048] [--parts 32]                  sealed upload/download vs a plain copy, peak working set, crypto-shredding
                      lists [--renders 1000000] [--pages 1000]           pages of 100 renders over HTTP from a store of that many
                      voice [--takes 10]                                 the voice worker's loop (authorize, ~10 s of espeak-ng speech, complete): share in Likeness
                      gateway [--provider sqlite|postgres] [--nodes 1] [--clients 64] [--pairs 20000] [--seconds 60] [--rate N] [--healthz] [--client raw|httpclient] [--keys] [--studios N]
                                                                         [--cap-seconds N] [--serve "OPTIONS"] [--contributors N] [--compare-caps] [--rounds N]
                                                                         authorize+complete over HTTP on loopback; --rate for open loop;
                                                                         --cap-seconds: the performer's consent caps her at N s a month;
                                                                         --contributors N: then renders naming N contributors, as a ratio of the single-performer rate;
                                                                         --compare-caps: the HTTP ceiling, then pairs without and with caps, each as a ratio of the ceiling;
                                                                         --rounds N: those phases alternate N times, each figure the median
                    """);
                return command == "help" ? 0 : 1;
        }
    }

    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public static string Rate(long count, Stopwatch sw) =>
        (count / sw.Elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) + "/s";
}
