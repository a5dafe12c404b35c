using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Likeness.Ledger;
using Likeness.Provenance;
using Likeness.Provenance.Claims;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Provenance;

/// <summary>
/// The credential through the server: a voice render is authorized, real speech synthesized (espeak-ng), its claim
/// signed by the server, the manifest embedded, the render completed with the final file's hash; the reference
/// validator trusts it under the published root, <c>provenance verify</c> agrees and checks the render and ledger,
/// and the auditor's replay still holds.
/// </summary>
public sealed class CredentialEndToEndTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private World _w = null!;
    private string _dir = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _w = await World.CreateAsync(_server);
        _dir = Directory.CreateTempSubdirectory("likeness-credential-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<(string RenderId, RenderFacts Truth)> AuthorizeAsync()
    {
        var (status, render) = await _w.As(_w.Studio).PostAsync("/v1/renders", World.RenderBody(_w.LicenseId, 10));
        Assert.True(status == 201, render?.ToJsonString());
        var (_, key) = await _w.As(_w.Studio).GetJsonAsync("/v1/ledger/key");
        var id = render!["renderId"]!.GetValue<string>();
        return (id, new RenderFacts(id, _w.LicenseId, [_w.Performer.Id], render["ledgerIndex"]!.GetValue<long>(), key!["origin"]!.GetValue<string>(), NotForTraining: true));
    }

    private static async Task<byte[]> SpeakAsync(string dir, string text)
    {
        var wav = Path.Combine(dir, $"speech-{Guid.NewGuid():N}.wav");
        var psi = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-v", "fr", "-p", "40", "-s", "150", "-w", wav, text }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"espeak-ng failed: {await error}");
        return await File.ReadAllBytesAsync(wav);
    }

    private static object Body(PreparedCredential prepared) =>
        new { claim = Convert.ToBase64String(prepared.Claim), assertions = Convert.ToBase64String(prepared.AssertionStore), signatureLength = prepared.SignatureLength };

    private Task<(int Exit, string Out, string Err)> VerifyAsync(string file, Actor? who) =>
        CliProcess.RunAsync(["provenance", "verify", file, "--server", _server.Url, "--state-dir", Path.Combine(_dir, "state"), .. who is null ? Array.Empty<string>() : ["--key", who.Key]]);

    [Fact]
    public async Task A_credentialed_render_validates_in_the_reference_implementation_and_in_provenance_verify()
    {
        var (renderId, truth) = await AuthorizeAsync();
        var speech = await SpeakAsync(_dir, "Le capitaine ordonne de hisser les voiles.");
        var prepared = Credential.Prepare(speech, truth, Guid.NewGuid()).Credential!;

        var (status, answer) = await _w.As(_w.Studio).PostAsync($"/v1/renders/{renderId}/credential", Body(prepared), "credential-1");
        Assert.True(status == 200, answer?.ToJsonString());
        var signature = Convert.FromBase64String(answer!["signature"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(prepared.ClaimSha256), answer["claimSha256"]!.GetValue<string>());

        // A retry under the same key is answered as before: the same signature, no second ledger entry.
        var (again, replay) = await _w.As(_w.Studio).PostAsync($"/v1/renders/{renderId}/credential", Body(prepared), "credential-1");
        Assert.Equal(200, again);
        Assert.Equal(answer["signature"]!.GetValue<string>(), replay!["signature"]!.GetValue<string>());
        Assert.Equal(answer["ledgerIndex"]!.GetValue<long>(), replay["ledgerIndex"]!.GetValue<long>());

        var file = Path.Combine(_dir, "take.wav");
        var signed = prepared.Embed(signature)!;
        await File.WriteAllBytesAsync(file, signed);
        var seconds = (signed.Length - 44) / 2 / 22050m;
        var (completed, done) = await _w.As(_w.Studio).PostAsync($"/v1/renders/{renderId}/complete",
            new { actualSeconds = Math.Round(Math.Min(seconds, 10), 3), outputSha256 = Convert.ToHexStringLower(SHA256.HashData(signed)) });
        Assert.True(completed == 200, done?.ToJsonString());

        var root = Path.Combine(_dir, "root.pem");
        await File.WriteAllBytesAsync(root, await _server.Client(null).GetByteArrayAsync("/v1/provenance/trust-anchors"));
        var oracle = await C2paOracle.ValidateAsync(file, root);
        Assert.True(oracle.State == "Trusted", oracle.Json);
        Assert.Contains("dev.likeness.render", oracle.Json, StringComparison.Ordinal);

        var (exit, output, error) = await VerifyAsync(file, _w.Studio);
        Assert.True(exit == 0, output + error);
        Assert.Contains("the completed render's outputSha256 is this file's hash", output, StringComparison.Ordinal);
        Assert.Contains($"ledger entry {truth.LedgerIndex} (render.authorized) is in the log", output, StringComparison.Ordinal);
        Assert.Contains("(render.completed) is in the log", output, StringComparison.Ordinal);
        Assert.Contains(_w.Performer.Id, output, StringComparison.Ordinal);

        // Without a key the manifest alone is checked.
        (exit, output, error) = await VerifyAsync(file, null);
        Assert.True(exit == 0, output + error);
        Assert.Contains("no --key", output, StringComparison.Ordinal);

        // One changed sample: the validator and verify both refuse it, for the same reason.
        signed[signed.Length / 2] ^= 0x01;
        var tampered = Path.Combine(_dir, "tampered.wav");
        await File.WriteAllBytesAsync(tampered, signed);
        Assert.Contains("assertion.dataHash.mismatch", (await C2paOracle.ValidateAsync(tampered, root)).Failures);
        (exit, output, _) = await VerifyAsync(tampered, _w.Studio);
        Assert.Equal(1, exit);
        Assert.Contains("assertion.dataHash.mismatch", output, StringComparison.Ordinal);

        // The auditor's replay of the whole log (render.credentialed included) still holds.
        (exit, output, error) = await CliProcess.RunAsync(["ledger", "verify", "--server", _server.Url, "--key", _w.Auditor.Key, "--state-dir", Path.Combine(_dir, "audit")]);
        Assert.True(exit == 0, output + error);
        Assert.Contains("story holds", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_signs_only_a_truthful_claim_for_the_callers_own_live_render()
    {
        var (renderId, truth) = await AuthorizeAsync();
        var speech = await File.ReadAllBytesAsync(C2paOracle.Fixture("sample1.wav"));
        async Task<(int, JsonNode?)> Ask(Actor who, RenderFacts facts) =>
            await _w.As(who).PostAsync($"/v1/renders/{renderId}/credential", Body(Credential.Prepare(speech, facts, Guid.NewGuid()).Credential!));

        var (status, problem) = await Ask(_w.Studio, truth with { LicenseId = "lic_other" });
        Assert.Equal(409, status);
        Assert.Equal("claim_untruthful", problem!["code"]!.GetValue<string>());
        Assert.Equal("licenseId", problem["field"]!.GetValue<string>());

        (status, problem) = await Ask(_w.Studio, truth with { NotForTraining = false });
        Assert.Equal(409, status);
        Assert.Equal(Labels.TrainingMining, problem!["field"]!.GetValue<string>());

        (status, problem) = await Ask(_w.Studio, truth with { LedgerIndex = truth.LedgerIndex + 1 });
        Assert.Equal("ledgerIndex", problem!["field"]!.GetValue<string>());

        (status, _) = await Ask(_w.OtherStudio, truth);
        Assert.Equal(404, status);
        (status, _) = await Ask(_w.Performer, truth);
        Assert.Equal(403, status);

        // A claim vouching for an assertion whose bytes were changed afterwards is not signed.
        var prepared = Credential.Prepare(speech, truth, Guid.NewGuid()).Credential!;
        var assertions = (byte[])prepared.AssertionStore.Clone();
        assertions[^3] ^= 0x01;
        (status, problem) = await _w.As(_w.Studio).PostAsync($"/v1/renders/{renderId}/credential",
            new { claim = Convert.ToBase64String(prepared.Claim), assertions = Convert.ToBase64String(assertions), signatureLength = prepared.SignatureLength });
        Assert.Equal(400, status);
        Assert.Equal("invalid_claim", problem!["code"]!.GetValue<string>());

        // Cancelled: no longer credentialed.
        Assert.Equal(200, (await _w.As(_w.Studio).PostAsync($"/v1/renders/{renderId}/cancel")).Status);
        (status, problem) = await Ask(_w.Studio, truth);
        Assert.Equal(409, status);
        Assert.Equal("render_state", problem!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_claim_hash_is_a_ledger_entry()
    {
        var (renderId, truth) = await AuthorizeAsync();
        var prepared = Credential.Prepare(await File.ReadAllBytesAsync(C2paOracle.Fixture("sample1.wav")), truth, Guid.NewGuid()).Credential!;
        var (_, answer) = await _w.As(_w.Studio).PostAsync($"/v1/renders/{renderId}/credential", Body(prepared));
        var (_, entry) = await _w.As(_w.Studio).GetJsonAsync($"/v1/ledger/entries/{answer!["ledgerIndex"]}");
        var decoded = JsonNode.Parse(Convert.FromBase64String(entry!["entry"]!.GetValue<string>()))!;
        Assert.Equal("render.credentialed", decoded["kind"]!.GetValue<string>());
        Assert.Equal(renderId, decoded["render"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(prepared.ClaimSha256), decoded["claimSha256"]!.GetValue<string>());
        Assert.Null(LedgerAudit.Check([Convert.FromBase64String(entry["entry"]!.GetValue<string>())]));
    }
}
