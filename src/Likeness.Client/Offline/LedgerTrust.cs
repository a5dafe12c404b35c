using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Likeness.Ledger;
using Likeness.Ledger.Verification;

namespace Likeness.Client;

/// <summary>
/// Offline checks against a pinned ledger key: a licence token, a checkpoint, an inclusion proof, a consistency
/// proof. No call to the server: the key is pinned once (from configuration, or <see cref="Pin"/> at first use)
/// and never taken from what is being checked. The Merkle and note verification is Likeness.Ledger's.
/// </summary>
public sealed class LedgerTrust
{
    private readonly PinnedKey _key;

    /// <param name="origin">The log's origin (the checkpoint's first line, a token's issuer).</param>
    /// <param name="keyName">The note key name that signs checkpoints.</param>
    /// <param name="publicKeySpki">The ECDSA P-256 key, DER SubjectPublicKeyInfo.</param>
    public LedgerTrust(string origin, string keyName, byte[] publicKeySpki)
    {
        ArgumentNullException.ThrowIfNull(publicKeySpki);
        Origin = origin;
        _key = new PinnedKey(keyName, [.. publicKeySpki]);
        KeyId = Convert.ToHexStringLower(SHA256.HashData(publicKeySpki).AsSpan(0, 4));
    }

    /// <summary>The log origin this trust expects.</summary>
    public string Origin { get; }

    /// <summary>The pinned key's id (first 4 bytes of SHA-256 of its SPKI, hex), as tokens name it in <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>Pins the key in force as the server published it (<c>GET /v1/ledger/key</c>); store it and reuse it.</summary>
    public static LedgerTrust Pin(LedgerKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new LedgerTrust(key.Origin, key.KeyName, Convert.FromBase64String(key.PublicKeySpki));
    }

    /// <summary>
    /// Verifies a licence token (compact JWS, ES256): signed by the pinned key, issued by this log. Says nothing about
    /// whether the licence is still active (suspension and revocation are the server's, or the ledger's, to tell).
    /// </summary>
    public OfflineCheck<LicenseClaims> VerifyLicenseToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return OfflineCheck<LicenseClaims>.Invalid("not a compact JWS (three dot-separated parts)");
        }

        try
        {
            var header = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[0]), ClientJson.Default.JwsHeader);
            if (header is not { Alg: "ES256" })
            {
                return OfflineCheck<LicenseClaims>.Invalid($"alg is {header?.Alg ?? "absent"}, not ES256");
            }

            if (header.Kid is not null && header.Kid != KeyId)
            {
                return OfflineCheck<LicenseClaims>.Invalid($"signed by key {header.Kid}, not the pinned key {KeyId}");
            }

            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(_key.Spki, out _);
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            if (!key.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return OfflineCheck<LicenseClaims>.Invalid("the signature does not verify with the pinned key");
            }

            var claims = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), ClientJson.Default.LicenseClaims);
            return claims is null ? OfflineCheck<LicenseClaims>.Invalid("no claims")
                : claims.Iss != Origin ? OfflineCheck<LicenseClaims>.Invalid($"issued by {claims.Iss}, not {Origin}")
                : OfflineCheck<LicenseClaims>.Valid(claims);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return OfflineCheck<LicenseClaims>.Invalid($"not a well-formed token: {e.Message}");
        }
    }

    /// <summary>Verifies a signed checkpoint (C2SP signed note) with the pinned key and that it is this log's.</summary>
    public OfflineCheck<Checkpoint> VerifyCheckpoint(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (!_key.TryOpen(note, out var checkpoint, out var problem))
        {
            return OfflineCheck<Checkpoint>.Invalid(problem);
        }

        return checkpoint.Origin == Origin ? OfflineCheck<Checkpoint>.Valid(checkpoint) : OfflineCheck<Checkpoint>.Invalid($"the checkpoint is of {checkpoint.Origin}, not {Origin}");
    }

    /// <summary>
    /// Verifies that <paramref name="entry"/> (the entry's exact bytes) is at the proof's index in the tree of
    /// <paramref name="checkpoint"/> (itself verified first). Null when it is; otherwise why not.
    /// </summary>
    public string? VerifyInclusion(string checkpoint, byte[] entry, InclusionProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var cp = VerifyCheckpoint(checkpoint);
        if (!cp.IsValid)
        {
            return "checkpoint: " + cp.Problem;
        }

        if (proof.TreeSize != cp.Value!.Size)
        {
            return $"the proof is for a tree of {proof.TreeSize}, the checkpoint's has {cp.Value.Size}";
        }

        var hashes = Decode(proof.Proof);
        return hashes is null ? "a proof hash is not base64" : ProofVerifier.Inclusion(proof.Index, proof.TreeSize, Hashes.Leaf(entry), hashes, cp.Value.Root);
    }

    /// <summary>
    /// Verifies that the tree of <paramref name="older"/> is a prefix of the tree of <paramref name="newer"/> (both
    /// checkpoints verified first): the log did not rewrite history between them. Null when it holds; otherwise why not.
    /// </summary>
    public string? VerifyConsistency(string older, string newer, ConsistencyProof proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var a = VerifyCheckpoint(older);
        var b = VerifyCheckpoint(newer);
        if (!a.IsValid || !b.IsValid)
        {
            return "checkpoint: " + (a.Problem ?? b.Problem);
        }

        if (proof.From != a.Value!.Size || proof.To != b.Value!.Size)
        {
            return $"the proof is from {proof.From} to {proof.To}, the checkpoints are of {a.Value.Size} and {b.Value!.Size}";
        }

        if (a.Value.Size == b.Value.Size)
        {
            return a.Value.Root.AsSpan().SequenceEqual(b.Value.Root) ? null : "two different roots for the same size: the log forked";
        }

        var hashes = Decode(proof.Proof);
        return hashes is null ? "a proof hash is not base64" : ProofVerifier.Consistency(proof.From, proof.To, a.Value.Root, b.Value.Root, hashes);
    }

    private static byte[][]? Decode(string[] hashes)
    {
        try
        {
            return [.. hashes.Select(Convert.FromBase64String)];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
