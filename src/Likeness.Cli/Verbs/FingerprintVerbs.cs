using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;
using Likeness.Client;

namespace Likeness.Cli.Verbs;

/// <summary>
/// <c>provenance identify FILE</c>: fingerprints the audio (Chromaprint's fpcalc) and asks the server which completed
/// renders it sounds like (docs/PROVENANCE.md, "The fingerprint"): it finds a render even where the watermark was destroyed.
/// </summary>
public static class FingerprintVerbs
{
    public static Command Identify()
    {
        var file = Opt.Word("FILE", "The audio: anything fpcalc (ffmpeg) decodes, at least about 4 s of it");
        return Opt.Verb("identify", "Find the renders an audio file sounds like, by its fingerprint (where the watermark was destroyed)", file)
            .Does(async (p, ct) =>
            {
                var path = p.GetValue(file)!;
                if (!File.Exists(path))
                {
                    throw new CliException($"cannot read {path}: no such file");
                }

                string fingerprint;
                try
                {
                    fingerprint = await Chromaprint.FingerprintAsync(path, ct: ct)
                        ?? throw new CliException($"{path} is too short to identify: about 4 s of audio at least");
                }
                catch (InvalidOperationException e)
                {
                    throw new CliException(e.Message);
                }

                using var api = Run.Client(p);
                var answer = await api.SendAsync(HttpMethod.Post, "v1/provenance/identify", new JsonObject { ["fingerprint"] = fingerprint }.ToJsonString())
                    ?? throw new CliException("the server sent nothing");
                var matches = answer["matches"]!.AsArray();
                if (p.GetValue(Globals.Json))
                {
                    Answer.PrintJson(answer);
                }
                else
                {
                    Print(answer, matches);
                }

                return matches.Count > 0 ? ExitCodes.Ok : ExitCodes.NotFound;
            });
    }

    private static void Print(JsonNode answer, JsonArray matches)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fingerprint of {answer["seconds"]:0.0} s of audio"));
        if (matches.Count == 0)
        {
            Console.WriteLine("no registered output sounds like it");
        }

        foreach (var m in matches)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"similarity {m!["similarity"]:0.000}: {m["matchedSeconds"]:0.0} s in common, from {m["offsetSeconds"]:0.0} s into the output; registered synthetic output, credential {m["credential"]}"));
            if (m["render"] is JsonObject render)
            {
                Console.WriteLine($"  render {render["renderId"]} ({render["status"]}) under licence {render["licenseId"]}: performer {render["performerId"]}, studio {render["studioId"]}");
            }
        }
    }
}
