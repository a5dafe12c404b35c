using System.Security.Cryptography;
using System.Text;
using Likeness.Ledger;
using Likeness.Ledger.Verification;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// <see cref="LogVerifier"/> across key rotations, over a log in memory: a verifier that pinned the old key follows a
/// rotation the old key signed; a forged rotation, one the log does not hold, one the server's list leaves out, and a
/// checkpoint signed by a retired key are each a typed finding.
/// </summary>
public sealed class KeyRotationVerifierTests : IDisposable
{
    // The rotation is entry 2, between the licence and its renders.
    private const int RotationIndex = 2;

    private readonly ECDsa _old = MemoryLog.Key("old ledger key");
    private readonly ECDsa _new = MemoryLog.Key("new ledger key");
    private readonly ECDsa _forger = MemoryLog.Key("a forger's key");

    public void Dispose()
    {
        _old.Dispose();
        _new.Dispose();
        _forger.Dispose();
    }

    /// <summary>A <c>key.rotated</c> entry announcing <paramref name="to"/>, signed by <paramref name="signer"/> (the key it replaces, when honest).</summary>
    private static byte[] Rotation(ECDsa from, ECDsa to, ECDsa signer)
    {
        var spki = to.ExportSubjectPublicKeyInfo();
        var honest = KeyRotation.Sign(MemoryLog.KeyName, from.ExportSubjectPublicKeyInfo(), d => signer.SignData(d, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), spki);
        return Encoding.UTF8.GetBytes(
            $$"""{"at":"2026-01-01T00:00:02.000Z","keyId":"{{honest.KeyId}}","keyName":"{{honest.KeyName}}","kind":"key.rotated","previousKeyId":"{{honest.PreviousKeyId}}","publicKeySpki":"{{Convert.ToBase64String(spki)}}","signature":"{{Convert.ToBase64String(honest.Signature)}}","v":1}""");
    }

    private static List<byte[]> Entries(byte[] rotation)
    {
        var entries = Story.Renders(20);
        entries.Insert(RotationIndex, rotation);
        return entries;
    }

    private static LogFetchers WithRotations(MemoryLog log, IReadOnlyList<LoggedEntry> rotations, bool auditor = true)
    {
        var f = log.Fetchers(auditor);
        return new LogFetchers
        {
            Checkpoint = f.Checkpoint,
            Tile = f.Tile,
            ConsistencyProof = f.ConsistencyProof,
            EntryBundle = f.EntryBundle,
            KeyRotations = _ => Task.FromResult(rotations),
        };
    }

    private static IReadOnlyList<LoggedEntry> Listed(MemoryLog log) => [new LoggedEntry(RotationIndex, log.Entries[RotationIndex])];

    private static LogFinding Failed(LogVerification result)
    {
        Assert.False(result.Ok, "the verification passed");
        return result.Finding;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_verifier_that_pinned_the_old_key_follows_a_rotation_the_old_key_signed(bool auditor)
    {
        var log = MemoryLog.Build(Entries(Rotation(_old, _new, _old)), _new);
        var trusted = log.SignAt(RotationIndex, _old);

        var result = await new LogVerifier(WithRotations(log, Listed(log), auditor), MemoryLog.Pinned(_old)).VerifyAsync(trusted);

        Assert.True(result.Ok, result.Finding?.ToString());
        Assert.Equal(KeyRotation.KeyIdOf(_new.ExportSubjectPublicKeyInfo()), result.Log.SignedBy);
        Assert.Equal(1, result.Log.RotationsFollowed);
        Assert.Equal(RotationIndex, result.Log.ConsistentWith);
        Assert.Equal(log.Entries.Count, result.Log.Size);
        Assert.Equal(auditor ? log.Entries.Count : null, result.Log.EntriesReplayed);
    }

    [Fact]
    public async Task A_verifier_that_pinned_the_new_key_passes_over_the_rotation_before_it()
    {
        var log = MemoryLog.Build(Entries(Rotation(_old, _new, _old)), _new);

        var result = await new LogVerifier(WithRotations(log, Listed(log)), MemoryLog.Pinned(_new)).VerifyAsync();

        Assert.True(result.Ok, result.Finding?.ToString());
        Assert.Equal(0, result.Log.RotationsFollowed);
    }

    [Fact]
    public async Task A_rotation_not_signed_by_the_key_it_replaces_is_a_forgery()
    {
        var log = MemoryLog.Build(Entries(Rotation(_old, _forger, _forger)), _forger);

        var finding = Failed(await new LogVerifier(WithRotations(log, Listed(log)), MemoryLog.Pinned(_old)).VerifyAsync());

        Assert.Equal(LogFindingKind.BadKeyRotation, finding.Kind);
        Assert.Equal(RotationIndex, finding.FirstBadIndex);
        Assert.Contains("is not signed by key", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rotation_the_log_does_not_hold_is_caught_on_the_leaves()
    {
        // The log holds an honest rotation; the server lists another one (also signed by the old key) at its index.
        using var other = MemoryLog.Key("yet another key");
        var log = MemoryLog.Build(Entries(Rotation(_old, _new, _old)), other);
        var served = new LoggedEntry(RotationIndex, Rotation(_old, other, _old));

        var finding = Failed(await new LogVerifier(WithRotations(log, [served], auditor: false), MemoryLog.Pinned(_old)).VerifyAsync());

        Assert.Equal(LogFindingKind.BadKeyRotation, finding.Kind);
        Assert.Equal(RotationIndex, finding.FirstBadIndex);
        Assert.Contains("not the log's entry", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_signed_by_the_key_a_rotation_inside_it_retired_is_reported()
    {
        var log = MemoryLog.Build(Entries(Rotation(_old, _new, _old)), _old);

        var finding = Failed(await new LogVerifier(WithRotations(log, Listed(log)), MemoryLog.Pinned(_old)).VerifyAsync());

        Assert.Equal(LogFindingKind.RetiredKey, finding.Kind);
        Assert.Equal(RotationIndex, finding.FirstBadIndex);
    }

    [Fact]
    public async Task A_rotation_the_server_leaves_out_of_its_list_is_found_by_an_auditor()
    {
        var log = MemoryLog.Build(Entries(Rotation(_old, _new, _old)), _old);

        var finding = Failed(await new LogVerifier(WithRotations(log, []), MemoryLog.Pinned(_old)).VerifyAsync());

        Assert.Equal(LogFindingKind.BadKeyRotation, finding.Kind);
        Assert.Equal(RotationIndex, finding.FirstBadIndex);
        Assert.Contains("leaves it out", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_rotations_a_checkpoint_by_the_new_key_is_a_bad_signature()
    {
        var log = MemoryLog.Build(Entries(Rotation(_old, _new, _old)), _new);

        var finding = Failed(await new LogVerifier(log.Fetchers(), MemoryLog.Pinned(_old)).VerifyAsync());

        Assert.Equal(LogFindingKind.BadSignature, finding.Kind);
    }
}
