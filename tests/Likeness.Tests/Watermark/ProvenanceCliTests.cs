using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Likeness.Watermark;
using Xunit;

namespace Likeness.Tests.Watermark;

/// <summary>
/// End to end through the server: a render's authorization issues its watermark token (in the answer and its ledger
/// entry); espeak-ng speech marked with it, encoded to MP3 by ffmpeg, is found by <c>likeness provenance detect</c>,
/// which looks it up: the studio sees the render, a stranger only that it is registered.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ProvenanceCliTests
{
    [Fact]
    public async Task Detect_finds_the_renders_token_in_an_mp3_and_the_lookup_shows_each_caller_what_it_may_see()
    {
        await using var server = await TestServer.StartAsync();
        var w = await World.CreateAsync(server);
        var (status, render) = await w.As(w.Studio).PostAsync("/v1/renders", World.RenderBody(w.LicenseId));
        Assert.True(status == 201, render?.ToJsonString());
        var hex = render!["watermark"]!.GetValue<string>();
        Assert.True(WatermarkToken.TryParse(hex, out var token), hex);
        var (_, entry) = await w.As(w.Studio).GetJsonAsync($"/v1/ledger/entries/{render["ledgerIndex"]}");
        Assert.Contains(hex, entry!.ToJsonString(), StringComparison.Ordinal);

        using var clips = new SpeechClips();
        var marked = AudioWatermark.Embed(clips.Speech(7), SpeechClips.Rate, token);
        var wav = Path.Combine(clips.Dir, "render.wav");
        SpeechClips.Write(wav, marked);
        var mp3 = SpeechClips.ToMp3(wav);

        var (exit, output, err) = await CliProcess.RunAsync("provenance", "detect", mp3, "--server", server.Url, "--key", w.Studio.Key, "--json");
        Assert.True(exit == 0, err);
        var found = JsonNode.Parse(output)!["tokens"]!.AsArray();
        var mine = Assert.Single(found)!;
        Assert.Equal(hex, mine["token"]!.GetValue<string>());
        Assert.Equal(render["renderId"]!.GetValue<string>(), mine["lookup"]!["render"]!["renderId"]!.GetValue<string>());
        Assert.Equal("pending", mine["lookup"]!["credential"]!.GetValue<string>());

        // A stranger learns that it is a registered synthetic output, and no more.
        var (strangerExit, strangerOut, strangerErr) = await CliProcess.RunAsync("provenance", "detect", mp3, "--server", server.Url, "--json");
        Assert.True(strangerExit == 0, strangerErr);
        var lookup = JsonNode.Parse(strangerOut)!["tokens"]![0]!["lookup"]!;
        Assert.True(lookup["registered"]!.GetValue<bool>());
        Assert.Null(lookup["render"]);
        Assert.DoesNotContain(w.LicenseId, strangerOut, StringComparison.Ordinal);

        // An unregistered token is a 404; a malformed one a 400 with its code.
        var (missing, _) = await server.Client(null).GetJsonAsync($"/v1/provenance/watermarks/{new WatermarkToken(token.Value ^ 1).ToHex()}");
        Assert.Equal(404, missing);
        var (bad, problem) = await server.Client(null).GetJsonAsync("/v1/provenance/watermarks/xyz");
        Assert.Equal(400, bad);
        Assert.Equal("invalid_watermark", problem!["code"]!.GetValue<string>());
    }
}
