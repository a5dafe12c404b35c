using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;

namespace Likeness.Provenance.Signing;

/// <summary>
/// Signs C2PA claims: COSE_Sign1 (ES256, P-256) over the claim's bytes as detached content, with the signing
/// certificate chain in the protected <c>x5chain</c> header. The signature box's size is fixed before the claim is
/// signed (the hard binding counts it), so the signature is padded to exactly the length asked for with the
/// unprotected <c>pad</c> header C2PA defines for this. The key stays its owner's to dispose.
/// </summary>
public sealed class ClaimSigner
{
    private static readonly CoseHeaderLabel X5Chain = new(33);
    private static readonly CoseHeaderLabel Pad = new("pad");
    private static readonly CoseHeaderLabel Pad2 = new("pad2");

    private readonly ECDsa _key;
    private readonly CoseHeaderMap _protected;
    private readonly Lock _gate = new();

    /// <summary>Signs with <paramref name="key"/>; <paramref name="chain"/> is the signing certificate first, then
    /// any intermediates (the root stays out: the validator brings its own).</summary>
    public ClaimSigner(ECDsa key, IReadOnlyList<X509Certificate2> chain)
    {
        if (chain.Count == 0) throw new ArgumentException("the chain names the signing certificate", nameof(chain));
        _key = key;
        var w = new CborWriter();
        w.WriteStartArray(chain.Count);
        foreach (var certificate in chain) w.WriteByteString(certificate.RawData);
        w.WriteEndArray();
        _protected = new CoseHeaderMap
        {
            [CoseHeaderLabel.Algorithm] = CoseHeaderValue.FromInt32(-7),
            [X5Chain] = CoseHeaderValue.FromEncodedValue(w.Encode()),
        };
        Chain = chain;
        MinimumLength = Encode([], padding: 0, pad2: false).Length;
    }

    /// <summary>The chain the signatures carry.</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; }

    /// <summary>The smallest signature this signer makes (an empty pad).</summary>
    public int MinimumLength { get; }

    /// <summary>A COSE_Sign1 over <paramref name="claim"/> of exactly <paramref name="length"/> bytes, or null when
    /// <paramref name="length"/> is below <see cref="MinimumLength"/> or beyond what a pad can fill.</summary>
    public byte[]? Sign(ReadOnlySpan<byte> claim, int length)
    {
        // The pad's encoding is its header (1, 2 or 3 bytes by its length) and its bytes; an empty pad is one byte.
        var needed = length - MinimumLength + 1;
        var pad2 = needed is 25 or 258;
        if (pad2) needed -= 6; // "pad2" and an empty byte string: its key (5 bytes) and value (1)
        int padding = needed switch
        {
            >= 1 and <= 24 => needed - 1,
            >= 26 and <= 257 => needed - 2,
            >= 259 and <= 65538 => needed - 3,
            _ => -1,
        };
        if (padding < 0) return null;
        return Encode(claim, padding, pad2);
    }

    private byte[] Encode(ReadOnlySpan<byte> claim, int padding, bool pad2)
    {
        var unprotectedHeaders = new CoseHeaderMap { [Pad] = CoseHeaderValue.FromBytes(new byte[padding]) };
        if (pad2) unprotectedHeaders[Pad2] = CoseHeaderValue.FromBytes([]);
        var signer = new CoseSigner(_key, HashAlgorithmName.SHA256, _protected, unprotectedHeaders);
        lock (_gate) return CoseSign1Message.SignDetached(claim, signer, []);
    }
}
