using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Client;
using Likeness.Voice;

// likeness-voice render --license L --script FILE --language fr --out take.wav [--server URL --key K] …
// Exit codes as the likeness command's: 0 done, 1 failed, 2 denied, 4 not allowed, 5 not found, 6 conflict, 7 unreachable.
return await VoiceCommand.RunAsync(args);

namespace Likeness.Voice
{
    /// <summary>The <c>likeness-voice</c> command line: parses, runs the worker, prints the take, or one line per failure.</summary>
    internal static class VoiceCommand
    {
        private const string Usage = """
            usage: likeness-voice render --license ID --script FILE --language CODE --out FILE.wav
                                         [--purpose dubbing] [--territory WORLD] [--categories a,b] [--seconds N]
                                         [--deliverable NAME] [--asset ID] [--server URL] [--key KEY]
              Renders speech with the performer's voice model under a licence: authorize (the script is the prompt),
              wait if the performer must approve, synthesize with espeak-ng, embed the watermark, attach the C2PA
              credential, complete with the final file's hash and seconds.
              --server and --key default to LIKENESS_URL and LIKENESS_KEY.
            exit codes: 0 done, 1 failed, 2 denied (every reason on stderr), 4 not allowed, 5 not found, 6 conflict, 7 unreachable
            """;

        public static async Task<int> RunAsync(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help")
            {
                Console.Out.WriteLine(Usage);
                return args.Length == 0 ? 1 : 0;
            }

            if (args[0] != "render")
            {
                await Console.Error.WriteLineAsync($"unknown command {args[0]}; likeness-voice --help");
                return 1;
            }

            if (!TryParse(args[1..], out var options, out var problem))
            {
                await Console.Error.WriteLineAsync(problem);
                return 1;
            }

            var server = options.GetValueOrDefault("server") ?? Environment.GetEnvironmentVariable("LIKENESS_URL");
            var key = options.GetValueOrDefault("key") ?? Environment.GetEnvironmentVariable("LIKENESS_KEY");
            if (server is null || key is null)
            {
                await Console.Error.WriteLineAsync("--server and --key (or LIKENESS_URL and LIKENESS_KEY) are required");
                return 1;
            }

            var job = new VoiceJob(
                options["license"], options["script"], options["language"], Path.GetFullPath(options["out"]),
                options.GetValueOrDefault("purpose") ?? "dubbing", options.GetValueOrDefault("territory") ?? "WORLD",
                options.GetValueOrDefault("categories")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                options.GetValueOrDefault("seconds") is { } s ? decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture) : null,
                options.GetValueOrDefault("deliverable"), options.GetValueOrDefault("asset"));
            using var likeness = new LikenessClient(new Uri(server), key);
            var worker = new VoiceWorker(likeness, new EspeakSynthesizer(), VoiceWorker.Provenance, TimeProvider.System)
            {
                OnPending = r => Console.Error.WriteLineAsync($"render {r.RenderId} waits for the performer's approval ({string.Join(", ", r.Reasons.Select(x => x.Code))})"),
            };
            try
            {
                var take = await worker.RenderAsync(job);
                Console.Out.WriteLine(new JsonObject
                {
                    ["renderId"] = take.Render.RenderId,
                    ["status"] = take.Render.Status,
                    ["out"] = take.OutputFile,
                    ["seconds"] = take.Seconds,
                    ["outputSha256"] = take.OutputSha256,
                    ["watermark"] = take.Watermark,
                    ["ledgerIndex"] = take.Render.LedgerIndex,
                }.ToJsonString());
                return 0;
            }
            catch (LikenessProblemException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return e switch
                {
                    LikenessRenderDeniedException or LikenessRenderNotApprovedException => 2,
                    LikenessAccessDeniedException => 4,
                    LikenessNotFoundException => 5,
                    LikenessConflictException => 6,
                    _ => 1,
                };
            }
            catch (LikenessUnreachableException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 7;
            }
            catch (Exception e) when (e is VoiceWorkerException or InvalidOperationException or IOException or ArgumentException or System.ComponentModel.Win32Exception)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
        }

        private static readonly string[] Required = ["license", "script", "language", "out"];
        private static readonly string[] Known = [.. Required, "purpose", "territory", "categories", "seconds", "deliverable", "asset", "server", "key"];

        private static bool TryParse(string[] args, out Dictionary<string, string> options, out string problem)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            options = found;
            problem = "";
            for (var i = 0; i < args.Length; i += 2)
            {
                var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
                if (name is null || !Known.Contains(name) || i + 1 >= args.Length)
                {
                    problem = name is null || !Known.Contains(name) ? $"unknown option {args[i]}; likeness-voice --help" : $"--{name} needs a value";
                    return false;
                }

                found[name] = args[i + 1];
            }

            if (Required.FirstOrDefault(r => !found.ContainsKey(r)) is { } missing)
            {
                problem = $"--{missing} is required; likeness-voice --help";
                return false;
            }

            if (options.TryGetValue("seconds", out var s) && !decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                problem = "--seconds is a number of seconds";
                return false;
            }

            return true;
        }
    }
}
