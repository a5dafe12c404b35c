using System.Security.Cryptography;
using Likeness.Provenance.Assets;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Jumbf;

namespace Likeness.Provenance;

/// <summary>
/// Builds a C2PA credential for a rendered file, in the two halves the signature splits it into:
/// <see cref="Prepare"/> plans the manifest's place in the file, computes the hard binding and assembles the claim
/// (what the signer is asked to sign); <see cref="PreparedCredential.Embed"/> puts the signed manifest store in.
/// </summary>
public static class Credential
{
    /// <summary>The signature box's size unless told otherwise: room for a P-256 certificate chain of two or three
    /// certificates; the signer pads to it.</summary>
    public const int DefaultSignatureLength = 4096;

    /// <summary>The generator the claim and its action name.</summary>
    public const string Generator = "Likeness";

    /// <summary>
    /// Plans the credential of <paramref name="asset"/> (a WAV or JPEG file) for <paramref name="facts"/>.
    /// <paramref name="manifestId"/> names the manifest (<c>urn:c2pa:</c> it) and its instance; the caller draws it,
    /// so the same inputs give the same claim.
    /// </summary>
    public static PrepareOutcome Prepare(ReadOnlyMemory<byte> asset, RenderFacts facts, Guid manifestId, int signatureLength = DefaultSignatureLength)
    {
        var format = AssetFormat.Of(asset.Span);
        if (format is null) return PrepareOutcome.Refused("the file is neither WAV nor JPEG");
        var label = $"urn:c2pa:{manifestId:D}";

        // Everything but the data hash has a fixed size, so the store's length is known before the hash.
        var draft = Build(label, manifestId, facts, start: 0, length: 0, new byte[32], signatureLength);
        var placement = format.Place(asset, draft.StoreLength);
        if (placement is null) return PrepareOutcome.Refused($"the file is not a well-formed {format.MediaType} file");

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var piece in placement.Before) sha.AppendData(piece.Span);
        foreach (var piece in placement.After) sha.AppendData(piece.Span);
        var built = Build(label, manifestId, facts, placement.Start, placement.WrappedLength, sha.GetHashAndReset(), signatureLength);
        return PrepareOutcome.Ready(new PreparedCredential(format.MediaType, label, built.Claim, built.AssertionStore, signatureLength, placement));
    }

    private static (byte[] Claim, byte[] AssertionStore, int StoreLength) Build(
        string label, Guid manifestId, RenderFacts facts, long start, long length, byte[] hash, int signatureLength)
    {
        var assertions = new List<(string Label, byte[] Box)>
        {
            (Labels.Actions, CborAssertion(Labels.Actions, AssertionCbor.Actions(Generator))),
            (Labels.HashData, CborAssertion(Labels.HashData, AssertionCbor.HashData(start, length, hash))),
            (Labels.Render, CborAssertion(Labels.Render, AssertionCbor.Render(facts))),
        };
        if (facts.NotForTraining) assertions.Add((Labels.TrainingMining, CborAssertion(Labels.TrainingMining, AssertionCbor.NotForTraining())));

        var uris = assertions.Select(a => new HashedUri(Labels.AssertionUri(a.Label), SHA256.HashData(a.Box.AsSpan(8)), null)).ToList();
        var claim = new Claim($"xmp:iid:{manifestId:D}", Generator, Labels.SignatureUri, uris, Labels.Sha256).Encode();
        var store = JumbfWriter.SuperBox(BoxTypes.AssertionStore, Labels.AssertionStore, [.. assertions.Select(a => a.Box)]);

        var claimBox = JumbfWriter.SuperBoxLength(Labels.ClaimV2, 8 + claim.Length);
        var signatureBox = JumbfWriter.SuperBoxLength(Labels.Signature, 8 + signatureLength);
        var manifest = JumbfWriter.SuperBoxLength(label, store.Length + claimBox + signatureBox);
        return (claim, store, JumbfWriter.SuperBoxLength(Labels.Store, manifest));
    }

    private static byte[] CborAssertion(string label, byte[] content) =>
        JumbfWriter.SuperBox(BoxTypes.Cbor, label, JumbfWriter.Box("cbor", content));
}

/// <summary>What <see cref="Credential.Prepare"/> gives: a prepared credential, or why there is none.</summary>
public sealed record PrepareOutcome(PreparedCredential? Credential, string? Refusal)
{
    internal static PrepareOutcome Ready(PreparedCredential credential) => new(credential, null);

    internal static PrepareOutcome Refused(string why) => new(null, why);
}
