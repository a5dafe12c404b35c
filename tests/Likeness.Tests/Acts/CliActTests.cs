using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Acts;

/// <summary>Signed acts through the real <c>likeness</c> process: a key made and registered, acts signed with it, and an act checked offline.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class CliActTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliProcess.RunAsync(args);

    [Fact]
    public async Task Keys_new_makes_a_private_key_acts_are_signed_with_it_and_act_verify_checks_one_offline()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-acts-").FullName;
        // The CLI signs with the wall clock: the server's clock must be near it.
        await using var server = await TestServer.StartAsync(clock: new ManualClock(DateTimeOffset.UtcNow));
        var (_, performer) = await server.Client(server.OperatorKey).PostAsync("/v1/parties", new { kind = "performer", name = "Mara Quinn" });
        var key = performer!["apiKey"]!.GetValue<string>();
        var id = performer["id"]!.GetValue<string>();
        string[] As(params string[] args) => [.. args, "--server", server.Url, "--key", key, "--json"];

        var keyFile = Path.Combine(dir, "mara.pem");
        var (made, registered, madeErr) = await Run(As("keys", "new", keyFile));
        Assert.True(made == 0, madeErr);
        var kid = JsonNode.Parse(registered)!["kid"]!.GetValue<string>();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.Equal(1, (await Run(As("keys", "new", keyFile))).Exit);

        var consentFile = Path.Combine(dir, "consent.json");
        await File.WriteAllTextAsync(consentFile, JsonSerializer.Serialize(World.DefaultConsent));
        var (unsigned, _, refusal) = await Run(As("consent", "set", id, "--file", consentFile));
        Assert.Equal(4, unsigned);
        Assert.Contains("signature_required", refusal, StringComparison.Ordinal);

        var (signed, written, signedErr) = await Run(As("consent", "set", id, "--file", consentFile, "--act-key", keyFile));
        Assert.True(signed == 0, signedErr);
        var index = JsonNode.Parse(written)!["ledgerIndex"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (verified, report, verifyErr) = await Run(As("act", "verify", index));
        Assert.True(verified == 0, verifyErr);
        Assert.Equal(kid, JsonNode.Parse(report)!["kid"]!.GetValue<string>());

        // Offline: the entry saved, the key taken from the party's list, no server asked.
        var (_, entry) = await server.Client(key).GetJsonAsync($"/v1/ledger/entries/{index}");
        var entryFile = Path.Combine(dir, "entry.json");
        await File.WriteAllTextAsync(entryFile, entry!.ToJsonString());
        var (_, keys) = await server.Client(key).GetJsonAsync($"/v1/parties/{id}/keys");
        var jwkFile = Path.Combine(dir, "mara.jwk");
        await File.WriteAllTextAsync(jwkFile, keys![0]!["jwk"]!.ToJsonString());
        var (offline, _, offlineErr) = await Run("act", "verify", index, "--entry-file", entryFile, "--public-key", jwkFile);
        Assert.True(offline == 0, offlineErr);

        // Another key did not sign it.
        var otherFile = Path.Combine(dir, "other.pem");
        var (otherMade, _, otherErr) = await Run(As("keys", "new", otherFile, "--act-key", keyFile));
        Assert.True(otherMade == 0, otherErr);
        var (_, keys2) = await server.Client(key).GetJsonAsync($"/v1/parties/{id}/keys");
        var other = keys2!.AsArray().Single(k => k!["kid"]!.GetValue<string>() != kid)!;
        await File.WriteAllTextAsync(jwkFile, other["jwk"]!.ToJsonString());
        var (wrong, _, wrongErr) = await Run("act", "verify", index, "--entry-file", entryFile, "--public-key", jwkFile);
        Assert.Equal(1, wrong);
        Assert.Contains("does not verify", wrongErr, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }
}
