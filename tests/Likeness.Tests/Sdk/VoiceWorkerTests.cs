using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Likeness.Client;
using Likeness.Tests.Provenance;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Sdk;

/// <summary>The reference worker end to end: real speech from espeak-ng with the performer's voice model, completed with its own hash and seconds.</summary>
public sealed class VoiceWorkerTests : IAsyncLifetime
{
    private const string Script = "Le capitaine Vale ordonne à l'équipage de hisser les voiles avant la tempête. Les marins courent sur le pont.";

    private TestServer _server = null!;
    private World _w = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _w = await World.CreateAsync(_server, use: new
        {
            modality = "voice",
            purposes = new[] { "dubbing" },
            territories = new[] { "FR", "JP" },
            languages = new[] { "fr", "en" },
            from = TestServer.Epoch.AddDays(-1),
            to = TestServer.Epoch.AddDays(365),
            maxSecondsPerDeliverable = 60,
            maxSyntheticSeconds = 600,
            maxRenders = 100,
            contentCategories = new[] { "violence" },
            derivation = "newPerformance",
        });
        using var performer = new LikenessClient(new Uri(_server.Url), _w.Performer.Key);
        await performer.Parties.RegisterAssetAsync(_w.Performer.Id, new CreateAsset("voice v1", "voice", "behavioralEmulator", VoiceModel: new VoiceModel("fr", 40, 150, "m3")));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteFiles();
    }

    private async Task<(int Exit, string Out, string Err, string Wav)> RenderAsync(params string[] more)
    {
        var script = Path.Combine(_server.Dir, "script.txt");
        await File.WriteAllTextAsync(script, Script);
        var wav = Path.Combine(_server.Dir, "take.wav");
        var (exit, stdout, stderr) = await VoiceProcess.RunAsync(
            ["render", "--license", _w.LicenseId, "--script", script, "--language", "fr", "--out", wav, "--territory", "FR", "--server", _server.Url, "--key", _w.Studio.Key, .. more]);
        return (exit, stdout, stderr, wav);
    }

    [Fact]
    public async Task The_worker_renders_real_speech_and_completes_with_the_files_hash_and_seconds()
    {
        var (exit, stdout, stderr, wav) = await RenderAsync();

        Assert.True(exit == 0, stderr);
        var take = JsonNode.Parse(stdout)!;
        var bytes = await File.ReadAllBytesAsync(wav);
        var audio = WavAudio.Read(wav);
        Assert.Equal((22050, 1, 16), (audio.SampleRate, audio.Channels, audio.BitsPerSample));
        Assert.InRange(audio.Seconds, 2m, 15m);
        Assert.True(Rms(bytes, audio) > 300, "the take is silent");

        using var studio = new LikenessClient(new Uri(_server.Url), _w.Studio.Key);
        var render = await studio.Renders.GetAsync(take["renderId"]!.GetValue<string>());
        Assert.Equal("completed", render.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), render.OutputSha256);
        Assert.Equal(audio.Seconds, render.ActualSeconds);
        Assert.Equal(render.OutputSha256, take["outputSha256"]!.GetValue<string>());
        Assert.False(File.Exists(wav + ".partial"));
        Assert.Empty(Directory.GetFiles(_server.Dir, ".take.wav*"));
    }

    [Fact]
    public async Task The_take_carries_its_watermark_and_a_credential_the_reference_validator_trusts()
    {
        var (exit, stdout, stderr, wav) = await RenderAsync();
        Assert.True(exit == 0, stderr);
        var take = JsonNode.Parse(stdout)!;
        var renderId = take["renderId"]!.GetValue<string>();
        var token = take["watermark"]!.GetValue<string>();

        // The render's read shows the token its audio carries.
        using var studio = new LikenessClient(new Uri(_server.Url), _w.Studio.Key);
        Assert.Equal(token, (await studio.Renders.GetAsync(renderId)).Watermark);

        // The reference implementation trusts the credential under the operator's published root.
        var root = Path.Combine(_server.Dir, "root.pem");
        await File.WriteAllTextAsync(root, await studio.Provenance.TrustAnchorsAsync());
        var oracle = await C2paOracle.ValidateAsync(wav, root);
        Assert.True(oracle.State == "Trusted", oracle.Json);
        Assert.Contains(renderId, oracle.Json, StringComparison.Ordinal);

        // provenance verify agrees, and checks the render, its licence and the ledger.
        var (verified, output, error) = await CliProcess.RunAsync(["provenance", "verify", wav, "--server", _server.Url, "--key", _w.Studio.Key, "--state-dir", Path.Combine(_server.Dir, "state")]);
        Assert.True(verified == 0, output + error);
        Assert.Contains("the completed render's outputSha256 is this file's hash", output, StringComparison.Ordinal);
        Assert.Contains("(render.completed) is in the log", output, StringComparison.Ordinal);

        // The detector finds the render's token in the credentialed file, and the look-up names the render.
        var (detected, found, detectError) = await CliProcess.RunAsync("provenance", "detect", wav, "--server", _server.Url, "--key", _w.Studio.Key, "--json");
        Assert.True(detected == 0, detectError);
        var mark = Assert.Single(JsonNode.Parse(found)!["tokens"]!.AsArray())!;
        Assert.Equal(token, mark["token"]!.GetValue<string>());
        Assert.Equal(renderId, mark["lookup"]!["render"]!["renderId"]!.GetValue<string>());

        // One changed sample: the validator reports the broken hard binding.
        var bytes = await File.ReadAllBytesAsync(wav);
        bytes[WavAudio.Read(wav).DataOffset + 1001] ^= 0x10;
        var tampered = Path.Combine(_server.Dir, "tampered.wav");
        await File.WriteAllBytesAsync(tampered, bytes);
        Assert.Contains("assertion.dataHash.mismatch", (await C2paOracle.ValidateAsync(tampered, root)).Failures);
    }

    [Fact]
    public async Task Identify_finds_the_render_by_its_fingerprint_in_a_reencoded_copy_without_the_watermark()
    {
        var (exit, stdout, stderr, _) = await RenderAsync();
        Assert.True(exit == 0, stderr);
        var renderId = JsonNode.Parse(stdout)!["renderId"]!.GetValue<string>();

        // The same speech without the mark (as if it had been removed), then re-encoded to MP3 at 64 kbps.
        var copy = Path.Combine(_server.Dir, "copy.wav");
        var script = Path.Combine(_server.Dir, "script.txt");
        await Tool("espeak-ng", "-v", "fr+m3", "-p", "40", "-s", "150", "-w", copy, "-f", script);
        var mp3 = Path.Combine(_server.Dir, "copy.mp3");
        await Tool("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", copy, "-c:a", "libmp3lame", "-b:a", "64k", mp3);
        var (detected, _, _) = await CliProcess.RunAsync("provenance", "detect", mp3, "--server", _server.Url, "--json");
        Assert.Equal(5, detected);

        var (found, output, error) = await CliProcess.RunAsync("provenance", "identify", mp3, "--server", _server.Url, "--key", _w.Studio.Key, "--json");
        Assert.True(found == 0, output + error);
        var best = JsonNode.Parse(output)!["matches"]![0]!;
        Assert.Equal(renderId, best["render"]!["renderId"]!.GetValue<string>());
        Assert.InRange(best["similarity"]!.GetValue<double>(), 0.75, 1.0);
        Assert.InRange(best["offsetSeconds"]!.GetValue<double>(), -0.5, 0.5);

        // A stranger learns that it matches a registered synthetic output, not which.
        var (strangerExit, strangerOut, strangerErr) = await CliProcess.RunAsync("provenance", "identify", mp3, "--server", _server.Url, "--json");
        Assert.True(strangerExit == 0, strangerErr);
        var stranger = JsonNode.Parse(strangerOut)!["matches"]![0]!;
        Assert.True(stranger["synthetic"]!.GetValue<bool>());
        Assert.Null(stranger["render"]);
        Assert.DoesNotContain(renderId, strangerOut, StringComparison.Ordinal);

        // Other speech by the same voice matches nothing.
        var other = Path.Combine(_server.Dir, "other.wav");
        await Tool("espeak-ng", "-v", "fr+m3", "-p", "40", "-s", "150", "-w", other, "Les marchés du port ouvrent à l'aube, et les pêcheurs rentrent avant midi avec leurs filets.");
        var (none, noneOut, _) = await CliProcess.RunAsync("provenance", "identify", other, "--server", _server.Url, "--key", _w.Studio.Key, "--json");
        Assert.Equal(5, none);
        Assert.Empty(JsonNode.Parse(noneOut)!["matches"]!.AsArray());

        // A fingerprint that is not one is a 400 naming it.
        var (bad, problem) = await _server.Client(null).PostAsync("/v1/provenance/identify", new { fingerprint = "AAAA" });
        Assert.Equal(400, bad);
        Assert.Equal("invalid_fingerprint", problem!["code"]!.GetValue<string>());
    }

    private static async Task Tool(string file, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{file} failed: {await error}");
    }

    [Fact]
    public async Task A_denied_render_exits_2_naming_every_reason_and_writes_nothing()
    {
        var (exit, _, stderr, wav) = await RenderAsync("--territory", "US", "--categories", "political");

        Assert.Equal(2, exit);
        Assert.Contains("territory_not_licensed", stderr, StringComparison.Ordinal);
        Assert.Contains("content_prohibited", stderr, StringComparison.Ordinal);
        Assert.Contains("consent/", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(wav));
    }

    [Fact]
    public async Task A_take_longer_than_its_reservation_is_not_completed_and_its_reservation_is_released()
    {
        var (exit, _, stderr, _) = await RenderAsync("--seconds", "1");

        Assert.Equal(1, exit);
        Assert.Contains("longer than the 1 s reserved", stderr, StringComparison.Ordinal);
        using var studio = new LikenessClient(new Uri(_server.Url), _w.Studio.Key);
        Assert.Equal("cancelled", Assert.Single((await studio.Renders.ListAsync(license: _w.LicenseId)).Items).Status);
    }

    /// <summary>The root mean square of the 16-bit samples: espeak-ng's speech is well above 300; silence is 0.</summary>
    private static double Rms(byte[] file, WavAudio audio)
    {
        var samples = file.AsSpan((int)audio.DataOffset, (int)audio.DataBytes);
        double sum = 0;
        for (var i = 0; i + 1 < samples.Length; i += 2)
        {
            double s = BinaryPrimitives.ReadInt16LittleEndian(samples[i..]);
            sum += s * s;
        }

        return Math.Sqrt(sum / (samples.Length / 2));
    }
}
