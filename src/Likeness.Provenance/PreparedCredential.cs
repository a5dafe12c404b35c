using System.Security.Cryptography;
using Likeness.Provenance.Assets;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Jumbf;

namespace Likeness.Provenance;

/// <summary>
/// A credential waiting for its signature: the claim to sign, the assertion store it vouches for (the signer reads
/// it to check the claim is true), and the file with the manifest's place planned.
/// </summary>
public sealed class PreparedCredential
{
    private readonly Placement _placement;

    internal PreparedCredential(string mediaType, string manifestLabel, byte[] claim, byte[] assertionStore, int signatureLength, Placement placement)
    {
        MediaType = mediaType;
        ManifestLabel = manifestLabel;
        Claim = claim;
        AssertionStore = assertionStore;
        SignatureLength = signatureLength;
        _placement = placement;
    }

    /// <summary>The file's media type.</summary>
    public string MediaType { get; }

    /// <summary>The manifest's label (<c>urn:c2pa:…</c>).</summary>
    public string ManifestLabel { get; }

    /// <summary>The claim's CBOR: what the signature covers.</summary>
    public byte[] Claim { get; }

    /// <summary>The assertion store superbox the claim's hashed URIs point into.</summary>
    public byte[] AssertionStore { get; }

    /// <summary>The signature's exact length, counted in the hard binding.</summary>
    public int SignatureLength { get; }

    /// <summary>The SHA-256 of the claim.</summary>
    public byte[] ClaimSha256 => SHA256.HashData(Claim);

    /// <summary>The file with the signed manifest store in place, or null when the signature is not of the planned length.</summary>
    public byte[]? Embed(ReadOnlySpan<byte> signature)
    {
        var wrapped = Wrapped(signature);
        if (wrapped is null) return null;
        var output = new byte[_placement.Before.Sum(p => p.Length) + wrapped.Length + _placement.After.Sum(p => p.Length)];
        var at = 0;
        foreach (var piece in _placement.Before) Append(piece.Span);
        Append(wrapped);
        foreach (var piece in _placement.After) Append(piece.Span);
        return output;

        void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(output.AsSpan(at));
            at += bytes.Length;
        }
    }

    /// <summary>Writes the file with the signed store to <paramref name="output"/>; false when the signature is not
    /// of the planned length (nothing is written then).</summary>
    public bool WriteTo(Stream output, ReadOnlySpan<byte> signature)
    {
        var wrapped = Wrapped(signature);
        if (wrapped is null) return false;
        foreach (var piece in _placement.Before) output.Write(piece.Span);
        output.Write(wrapped);
        foreach (var piece in _placement.After) output.Write(piece.Span);
        return true;
    }

    /// <summary>The manifest store with <paramref name="signature"/>: what goes in the file.</summary>
    public byte[]? Store(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength) return null;
        var claimBox = JumbfWriter.SuperBox(BoxTypes.Claim, Labels.ClaimV2, JumbfWriter.Box("cbor", Claim));
        var signatureBox = JumbfWriter.SuperBox(BoxTypes.Signature, Labels.Signature, JumbfWriter.Box("cbor", signature));
        var manifest = JumbfWriter.SuperBox(BoxTypes.Manifest, ManifestLabel, AssertionStore, claimBox, signatureBox);
        return JumbfWriter.SuperBox(BoxTypes.ManifestStore, Labels.Store, manifest);
    }

    private byte[]? Wrapped(ReadOnlySpan<byte> signature)
    {
        var store = Store(signature);
        return store is null ? null : _placement.Wrap(store);
    }
}
