using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Cli.Audio;
using Likeness.Cli.Output;
using Likeness.Watermark;

namespace Likeness.Cli.Verbs;

/// <summary>
/// <c>provenance detect FILE</c>: finds the watermark tokens in an audio file (docs/PROVENANCE.md, "The watermark"),
/// prints each with its time ranges and confidence, and looks each up on the server.
/// </summary>
public static class WatermarkVerbs
{
    public static Command Detect()
    {
        var file = Opt.Word("FILE", "The audio: WAV, or anything ffmpeg decodes");
        return Opt.Verb("detect", "Find the watermark tokens in audio, with their time ranges, and look them up", file)
            .Does(async (p, _) =>
            {
                var audio = AudioFile.Load(p.GetValue(file)!);
                if (audio.SampleRate < 8000)
                {
                    throw new CliException("the audio is sampled below 8 kHz; the watermark needs 8 kHz or more");
                }

                var report = AudioWatermark.Detect(audio.Samples, audio.SampleRate);
                using var api = Run.Client(p);
                // The detector reports each marked stretch; a token found in several is one token with several ranges.
                var found = new JsonArray();
                foreach (var group in report.Detections.GroupBy(d => d.Token))
                {
                    found.Add(new JsonObject
                    {
                        ["token"] = group.Key.ToHex(),
                        ["confidence"] = Math.Round(group.Max(d => d.Confidence), 3),
                        ["ranges"] = new JsonArray([.. group.OrderBy(d => d.StartSeconds).Select(d => (JsonNode)new JsonObject
                        {
                            ["start"] = Math.Round(d.StartSeconds, 2),
                            ["end"] = Math.Round(d.EndSeconds, 2),
                            ["confidence"] = Math.Round(d.Confidence, 3),
                            ["syncScore"] = Math.Round(d.SyncScore, 2),
                        })]),
                        ["lookup"] = await LookUpAsync(api, group.Key),
                    });
                }

                var unreadable = new JsonArray([.. report.Undecodable.Select(u => (JsonNode)new JsonObject
                {
                    ["start"] = Math.Round(u.StartSeconds, 2),
                    ["end"] = Math.Round(u.EndSeconds, 2),
                    ["syncScore"] = Math.Round(u.SyncScore, 2),
                })]);
                if (p.GetValue(Globals.Json))
                {
                    Answer.PrintJson(new JsonObject { ["seconds"] = Math.Round(audio.Seconds, 2), ["tokens"] = found, ["undecodable"] = unreadable });
                }
                else
                {
                    Print(found, unreadable);
                }

                return found.Count > 0 ? ExitCodes.Ok : ExitCodes.NotFound;
            });
    }

    /// <summary>The server's answer for a token; a token no render carries is <c>registered: false</c>, not a failure.</summary>
    private static async Task<JsonNode?> LookUpAsync(ApiClient api, WatermarkToken token)
    {
        try
        {
            return await api.SendAsync(HttpMethod.Get, $"v1/provenance/watermarks/{token.ToHex()}");
        }
        catch (CliException e) when (e.HttpStatus == 404)
        {
            return new JsonObject { ["token"] = token.ToHex(), ["registered"] = false };
        }
    }

    private static void Print(JsonArray found, JsonArray unreadable)
    {
        if (found.Count == 0)
        {
            Console.WriteLine("no watermark found");
        }

        foreach (var t in found)
        {
            var lookup = t!["lookup"]!;
            var registered = lookup["registered"]?.GetValue<bool>() == true;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t["token"]}  confidence {t["confidence"]:0.000}"));
            foreach (var r in t["ranges"]!.AsArray())
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {r!["start"]:0.00}–{r["end"]:0.00} s  confidence {r["confidence"]:0.000}  sync {r["syncScore"]:0.0}"));
            }

            Console.WriteLine(registered
                ? $"  registered synthetic output; credential {lookup["credential"]}"
                : "  not registered on this server");
            if (lookup["render"] is JsonObject render)
            {
                Console.WriteLine($"  render {render["renderId"]} ({render["status"]}) under licence {render["licenseId"]}: performer {render["performerId"]}, studio {render["studioId"]}");
            }
        }

        foreach (var u in unreadable)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"marked audio, payload unreadable (damaged): {u!["start"]:0.00}–{u["end"]:0.00} s  sync {u["syncScore"]:0.0}"));
        }
    }
}
