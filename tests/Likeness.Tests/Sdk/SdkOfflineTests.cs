using System.Text;
using Likeness.Client;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Sdk;

/// <summary>The SDK's offline checks with a pinned ledger key: a licence token, checkpoints, inclusion and consistency proofs, and each tampered one refused.</summary>
public sealed class SdkOfflineTests() : WorldTests(Provider.Sqlite)
{
    private LikenessClient Client(string? key) => new(new Uri(Server.Url), key);

    private async Task<(LedgerTrust Trust, LikenessClient Anyone)> PinAsync()
    {
        var anyone = Client(null);
        return (LedgerTrust.Pin(await anyone.Ledger.KeyAsync()), anyone);
    }

    [Fact]
    public async Task A_licence_token_verifies_with_the_pinned_key_and_a_changed_one_does_not()
    {
        var (trust, anyone) = await PinAsync();
        using var _ = anyone;
        using var studio = Client(W.Studio.Key);
        var license = await studio.Licenses.GetAsync(W.LicenseId);

        var check = trust.VerifyLicenseToken(license.Token!);

        Assert.True(check.IsValid, check.Problem);
        Assert.Equal((W.LicenseId, W.Performer.Id, W.Studio.Id), (check.Value!.Sub, check.Value.Performer, check.Value.Studio));
        Assert.Equal(["voice"], check.Value.Modalities);
        Assert.Equal(license.TermEnd, check.Value.ExpiresAt);

        var parts = license.Token!.Split('.');
        var claims = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace(W.Studio.Id, W.OtherStudio.Id, StringComparison.Ordinal);
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims))}.{parts[2]}";
        var refused = trust.VerifyLicenseToken(forged);
        Assert.False(refused.IsValid);
        Assert.Contains("signature", refused.Problem, StringComparison.Ordinal);

        var otherKey = new LedgerTrust(trust.Origin, "other", System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfo());
        Assert.False(otherKey.VerifyLicenseToken(license.Token!).IsValid);
        Assert.False(trust.VerifyLicenseToken("not.a.token").IsValid);
    }

    [Fact]
    public async Task A_render_entry_is_proven_in_the_checkpoint_and_a_tampered_proof_is_refused()
    {
        var (trust, anyone) = await PinAsync();
        using var _ = anyone;
        using var studio = Client(W.Studio.Key);
        await using (var render = await studio.Renders.AuthorizeAsync(new RenderRequest(W.LicenseId, "voice", "dubbing", "JP", "ja", 5)))
        {
            var done = await render.CompleteAsync(new MemoryStream("take"u8.ToArray()), 4);
            await Server.Server.Core.Ledger.IntegrateAsync();
            var note = await anyone.Ledger.CheckpointAsync();
            var entry = await studio.Ledger.EntryAsync(done.LedgerIndex);
            var bytes = Convert.FromBase64String(entry.Entry);
            var checkpoint = trust.VerifyCheckpoint(note);
            Assert.True(checkpoint.IsValid, checkpoint.Problem);
            var proof = await anyone.Ledger.InclusionProofAsync(done.LedgerIndex, checkpoint.Value!.Size);

            Assert.Null(trust.VerifyInclusion(note, bytes, proof));

            Assert.NotNull(trust.VerifyInclusion(note, [.. bytes, 0x20], proof));
            var flipped = Convert.FromBase64String(proof.Proof[0]);
            flipped[0] ^= 1;
            Assert.NotNull(trust.VerifyInclusion(note, bytes, proof with { Proof = [Convert.ToBase64String(flipped), .. proof.Proof[1..]] }));
            Assert.NotNull(trust.VerifyInclusion(note, bytes, proof with { Index = proof.Index - 1 }));
            var forgedNote = note.Replace($"\n{checkpoint.Value.Size}\n", $"\n{checkpoint.Value.Size + 1}\n", StringComparison.Ordinal);
            Assert.StartsWith("checkpoint:", trust.VerifyInclusion(forgedNote, bytes, proof), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Successive_checkpoints_are_consistent_and_a_tampered_consistency_proof_is_refused()
    {
        var (trust, anyone) = await PinAsync();
        using var _ = anyone;
        using var studio = Client(W.Studio.Key);
        await Server.Server.Core.Ledger.IntegrateAsync();
        var older = await anyone.Ledger.CheckpointAsync();
        await using (var render = await studio.Renders.AuthorizeAsync(new RenderRequest(W.LicenseId, "voice", "dubbing", "JP", "ja", 5)))
        {
            await render.CompleteAsync(new MemoryStream("take"u8.ToArray()), 4);
        }

        await Server.Server.Core.Ledger.IntegrateAsync();
        var newer = await anyone.Ledger.CheckpointAsync();
        var (from, to) = (trust.VerifyCheckpoint(older).Value!.Size, trust.VerifyCheckpoint(newer).Value!.Size);
        Assert.True(to > from);
        var proof = await anyone.Ledger.ConsistencyProofAsync(from, to);

        Assert.Null(trust.VerifyConsistency(older, newer, proof));

        var flipped = Convert.FromBase64String(proof.Proof[^1]);
        flipped[^1] ^= 0x80;
        Assert.NotNull(trust.VerifyConsistency(older, newer, proof with { Proof = [.. proof.Proof[..^1], Convert.ToBase64String(flipped)] }));
        Assert.NotNull(trust.VerifyConsistency(older, newer, proof with { Proof = proof.Proof[..^1] }));
        Assert.NotNull(trust.VerifyConsistency(newer, older, proof));
    }
}
