using System.Text.Json.Nodes;
using Likeness.Client;
using Likeness.Server;
using Likeness.Server.Security;
using Likeness.Voice;
using Microsoft.AspNetCore.Builder;

namespace Likeness.Bench;

/// <summary>
/// The reference voice worker's whole loop, in process against a server on a real SQLite file over loopback:
/// authorize (with the licence and asset reads) → synthesize ~10 s of speech with espeak-ng (a real process) →
/// complete (hashing the file). Reports the share of each take's time spent in Likeness.
/// </summary>
public static class VoiceHarness
{
    // 35 words at 150 words a minute: about ten seconds of speech.
    private const string Script =
        "Le capitaine Vale ordonne à l'équipage de hisser les voiles avant la tempête, puis elle regarde l'horizon et promet à chacun de revenir au port avant la nuit tombée, car la mer sera calme demain matin.";

    public static async Task RunAsync(int takes)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-voice-").FullName;
        var settings = new ServerSettings(Path.Combine(dir, "bench.db"), "http://127.0.0.1:0") { RateLimits = new RateLimits { PerKey = 0, PerAddress = 0, AuthFailuresPerMinute = 0 } };
        var server = await LikenessServer.BuildAsync(settings);
        await server.App.StartAsync();
        try
        {
            var url = new Uri(server.App.Urls.First());
            using var op = new LikenessClient(url, server.NewOperatorKey);
            var performer = await op.Parties.CreateAsync(new CreateParty("performer", "Mara Quinn"));
            var studio = await op.Parties.CreateAsync(new CreateParty("studio", "Northlight Games"));
            using var her = new LikenessClient(url, performer.ApiKey);
            using var them = new LikenessClient(url, studio.ApiKey);
            await her.Consent.PutAsync(performer.Id, JsonNode.Parse("""
                { "permission": [ { "uid": "dub", "action": "render", "constraint": [ { "leftOperand": "modality", "operator": "eq", "rightOperand": "voice" } ] } ] }
                """)!.AsObject());
            await her.Parties.RegisterAssetAsync(performer.Id, new CreateAsset("voice v1", "voice", "behavioralEmulator", VoiceModel: new VoiceModel("fr", 40, 150, "m3")));
            var request = await them.Licenses.RequestAsync(new CreateLicenseRequest(
                performer.Id, "Skyward Tides", "Dubbing of the character Captain Iris Vale into French for the video game Skyward Tides, in-game dialogue only.",
                [new LicenseUse("voice", ["dubbing"], ["FR"], ["fr"], DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), 60, 100_000, 100_000)],
                new Compensation(PerSecond: new Money("EUR", 150))));
            var license = await her.Licenses.ApproveAsync(request.Id);
            var script = Path.Combine(dir, "script.txt");
            await File.WriteAllTextAsync(script, Script);

            var worker = new VoiceWorker(them, new EspeakSynthesizer(), VoiceWorker.Provenance, TimeProvider.System);
            var job = new VoiceJob(license.Id, script, "fr", Path.Combine(dir, "take.wav"), "dubbing", "FR", [], null, null, null);
            await worker.RenderAsync(job); // warm-up: JIT, connections, espeak-ng's data in the page cache
            var results = new List<VoiceTake>();
            for (var i = 0; i < takes; i++)
            {
                results.Add(await worker.RenderAsync(job));
            }

            static double Ms(TimeSpan t) => t.TotalMilliseconds;
            var likeness = results.Select(r => Ms(r.InLikeness)).Order().ToArray();
            var stamps = results.Select(r => Ms(r.InStamps)).Order().ToArray();
            var synthesis = results.Select(r => Ms(r.InSynthesis)).Order().ToArray();
            var shares = results.Select(r => (Ms(r.InLikeness) + Ms(r.InStamps)) / (Ms(r.InLikeness) + Ms(r.InStamps) + Ms(r.InSynthesis))).Order().ToArray();
            Console.WriteLine($"{takes} takes of {results[0].Seconds} s of speech (espeak-ng, voice fr+m3, 150 wpm)");
            Console.WriteLine($"in Likeness's calls (licence + asset reads, authorize, hash, complete): median {likeness[takes / 2]:F1} ms, max {likeness[^1]:F1} ms");
            Console.WriteLine($"in its stamps (watermark, C2PA credential, fpcalc fingerprint):        median {stamps[takes / 2]:F1} ms, max {stamps[^1]:F1} ms");
            Console.WriteLine($"in synthesis (espeak-ng process, WAV read, move):                     median {synthesis[takes / 2]:F1} ms, max {synthesis[^1]:F1} ms");
            Console.WriteLine($"share of a take's time in Likeness (calls and stamps): median {shares[takes / 2]:P1}, max {shares[^1]:P1}");
        }
        finally
        {
            await server.App.StopAsync();
            await server.App.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }
}
