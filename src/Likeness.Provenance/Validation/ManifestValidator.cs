using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.Cose;
using System.Security.Cryptography.X509Certificates;
using Likeness.Provenance.Assets;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Jumbf;

namespace Likeness.Provenance.Validation;

/// <summary>
/// Validates the active manifest of a WAV or JPEG file as C2PA asks: the claim's signature (COSE_Sign1, the
/// certificate from <c>x5chain</c>), the certificate's validity at the given instant and its chain to the given trust
/// anchors, every hashed URI of the claim, and the hard binding (<c>c2pa.hash.data</c>) over the file. Ingredients'
/// manifests, time-stamps and revocation are not checked (docs/PROVENANCE.md).
/// </summary>
public static class ManifestValidator
{
    private static readonly CoseHeaderLabel X5Chain = new(33);

    /// <summary>Validates <paramref name="asset"/> at <paramref name="at"/> against <paramref name="anchors"/>.</summary>
    public static ValidationReport Validate(ReadOnlyMemory<byte> asset, IReadOnlyList<X509Certificate2> anchors, DateTimeOffset at)
    {
        var format = AssetFormat.Of(asset.Span);
        var storeBytes = format?.FindStore(asset);
        if (storeBytes is null) return Empty(ValidationState.NoManifest);
        var store = JumbfBox.Read(storeBytes);
        var manifest = store?.ContentType == BoxTypes.ManifestStore
            ? store.Children.LastOrDefault(c => c.ContentType == BoxTypes.Manifest)
            : null;
        if (store is null || manifest is null)
        {
            return Empty(ValidationState.Invalid) with { Failures = [new(StatusCodes.ManifestMalformed, "the manifest store is not well-formed JUMBF")] };
        }

        var failures = new List<ValidationStatus>();
        var successes = new List<string>();
        var claimBox = manifest.Child(Labels.ClaimV2) ?? manifest.Child(Labels.ClaimV1);
        var claimBytes = claimBox is null ? null : AssertionReader.Cbor(claimBox);
        Claim? claim = null;
        if (claimBytes is null) failures.Add(new(StatusCodes.ClaimMissing, "the manifest has no claim"));
        else
        {
            try { claim = Claim.Decode(claimBytes.Value); }
            catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
            {
                failures.Add(new(StatusCodes.ClaimMalformed, "the claim is not a C2PA claim"));
            }
        }
        if (claim is null || claimBytes is null)
        {
            return Empty(ValidationState.Invalid) with { ManifestLabel = manifest.Label, Failures = failures };
        }

        var signer = CheckSignature(manifest, claimBytes.Value, anchors, at, failures, successes);
        var facts = CheckAssertions(store, manifest, claim, asset, failures, successes, out var sourceType);

        var state = failures.Count == 0 ? ValidationState.Trusted
            : failures.All(f => f.Code == StatusCodes.Untrusted) ? ValidationState.Valid
            : ValidationState.Invalid;
        return new ValidationReport(state, manifest.Label, failures, successes, claim, SHA256.HashData(claimBytes.Value.Span), signer, facts, sourceType);
    }

    private static ValidationReport Empty(ValidationState state) =>
        new(state, null, [], [], null, null, null, null, null);

    private static string? CheckSignature(
        JumbfBox manifest, ReadOnlyMemory<byte> claim, IReadOnlyList<X509Certificate2> anchors, DateTimeOffset at,
        List<ValidationStatus> failures, List<string> successes)
    {
        var box = manifest.Child(Labels.Signature);
        var cose = box is null ? null : AssertionReader.Cbor(box);
        if (cose is null)
        {
            failures.Add(new(StatusCodes.ClaimSignatureMissing, "the manifest has no claim signature"));
            return null;
        }
        CoseSign1Message message;
        List<X509Certificate2> chain;
        try
        {
            message = CoseMessage.DecodeSign1(cose.Value.Span);
            chain = Certificates(message);
        }
        catch (Exception e) when (e is CryptographicException or CborContentException or InvalidOperationException or FormatException)
        {
            failures.Add(new(StatusCodes.ClaimSignatureMismatch, "the claim signature is not COSE_Sign1 with a certificate"));
            return null;
        }
        if (chain.Count == 0)
        {
            failures.Add(new(StatusCodes.InvalidCredential, "the signature carries no certificate"));
            return null;
        }
        var leaf = chain[0];
        try
        {
            using var ec = leaf.GetECDsaPublicKey();
            using var rsa = ec is null ? RsaKey(leaf) : null;
            AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)ec ?? rsa;
            var valid = key is not null && message.VerifyDetached(key, claim.Span, []);
            if (valid) successes.Add(StatusCodes.ClaimSignatureValidated);
            else failures.Add(new(StatusCodes.ClaimSignatureMismatch, "the claim signature does not match the claim"));
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or ArgumentException)
        {
            failures.Add(new(StatusCodes.ClaimSignatureMismatch, "the claim signature cannot be checked"));
        }

        if (at >= leaf.NotBefore && at <= leaf.NotAfter) successes.Add(StatusCodes.InsideValidity);
        else failures.Add(new(StatusCodes.OutsideValidity, $"the signing certificate is valid from {leaf.NotBefore:u} to {leaf.NotAfter:u}"));

        if (Chains(leaf, chain, anchors, at)) successes.Add(StatusCodes.Trusted);
        else failures.Add(new(StatusCodes.Untrusted, "the signing certificate does not chain to a trusted root"));
        return leaf.Subject;
    }

    // A key certified as RSASSA-PSS (OID 1.2.840.113549.1.1.10, as the c2pa-rs fixtures are) is a plain PKCS #1
    // public key that .NET's certificate class does not hand out as RSA; it is read from the key bits directly.
    private static RSA? RsaKey(X509Certificate2 certificate)
    {
        var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null || certificate.PublicKey.Oid.Value != "1.2.840.113549.1.1.10") return rsa;
        rsa = RSA.Create();
        rsa.ImportRSAPublicKey(certificate.PublicKey.EncodedKeyValue.RawData, out _);
        return rsa;
    }

    private static List<X509Certificate2> Certificates(CoseSign1Message message)
    {
        if (!message.ProtectedHeaders.TryGetValue(X5Chain, out var value) && !message.UnprotectedHeaders.TryGetValue(X5Chain, out value)) return [];
        var r = new CborReader(value.EncodedValue, CborConformanceMode.Lax);
        var certificates = new List<X509Certificate2>();
        if (r.PeekState() == CborReaderState.ByteString)
        {
            certificates.Add(X509CertificateLoader.LoadCertificate(r.ReadByteString()));
            return certificates;
        }
        var count = r.ReadStartArray();
        for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndArray : i < count; i++)
        {
            certificates.Add(X509CertificateLoader.LoadCertificate(r.ReadByteString()));
        }
        return certificates;
    }

    private static bool Chains(X509Certificate2 leaf, List<X509Certificate2> chain, IReadOnlyList<X509Certificate2> anchors, DateTimeOffset at)
    {
        if (anchors.Count == 0) return false;
        using var builder = new X509Chain();
        builder.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        builder.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        builder.ChainPolicy.DisableCertificateDownloads = true;
        builder.ChainPolicy.VerificationTime = at.UtcDateTime;
        builder.ChainPolicy.VerificationTimeIgnored = false;
        foreach (var anchor in anchors) builder.ChainPolicy.CustomTrustStore.Add(anchor);
        foreach (var intermediate in chain.Skip(1)) builder.ChainPolicy.ExtraStore.Add(intermediate);
        return builder.Build(leaf);
    }

    private static RenderFacts? CheckAssertions(
        JumbfBox store, JumbfBox manifest, Claim claim, ReadOnlyMemory<byte> asset,
        List<ValidationStatus> failures, List<string> successes, out string? sourceType)
    {
        sourceType = null;
        var hardBindings = 0;
        ReadOnlyMemory<byte>? render = null;
        var notForTraining = false;
        foreach (var uri in claim.Assertions)
        {
            var box = AssertionReader.Resolve(store, manifest, uri.Url);
            if (box is null)
            {
                failures.Add(new(StatusCodes.AssertionMissing, $"{uri.Url} is not in the manifest"));
                continue;
            }
            var hash = Hash(uri.Alg ?? claim.Alg, box.Payload.Span);
            if (hash is null || !CryptographicOperations.FixedTimeEquals(hash, uri.Hash))
            {
                failures.Add(new(StatusCodes.HashedUriMismatch, $"{uri.Url} does not match its hash in the claim"));
                continue;
            }
            successes.Add(StatusCodes.HashedUriMatch);
            var label = BaseLabel(box.Label);
            var cbor = AssertionReader.Cbor(box);
            if (cbor is null) continue;
            switch (label)
            {
                case Labels.HashData:
                    hardBindings++;
                    CheckDataHash(cbor.Value, claim.Alg, asset, failures, successes);
                    break;
                case Labels.Render: render = cbor; break;
                case Labels.TrainingMining: notForTraining = AssertionReader.ForbidsTraining(cbor.Value); break;
                case "c2pa.actions" or Labels.Actions: sourceType = AssertionReader.FirstAction(cbor.Value)?.SourceType; break;
            }
        }
        if (hardBindings == 0) failures.Add(new(StatusCodes.HardBindingMissing, "the claim has no hard binding Likeness reads (c2pa.hash.data)"));
        return render is null ? null : AssertionReader.Render(render.Value, notForTraining);
    }

    private static void CheckDataHash(ReadOnlyMemory<byte> cbor, string claimAlg, ReadOnlyMemory<byte> asset, List<ValidationStatus> failures, List<string> successes)
    {
        var binding = AssertionReader.HashData(cbor, claimAlg);
        var name = binding is null ? null : HashName(binding.Value.Alg);
        if (binding is null || name is null)
        {
            failures.Add(new(StatusCodes.DataHashMalformed, "the hard binding is not well-formed"));
            return;
        }
        using var hasher = IncrementalHash.CreateHash(name.Value);
        long at = 0;
        foreach (var (start, length) in binding.Value.Exclusions.OrderBy(e => e.Start))
        {
            if (start < at || start + length > asset.Length)
            {
                failures.Add(new(StatusCodes.DataHashMismatch, "the hard binding's exclusions do not fit the file"));
                return;
            }
            hasher.AppendData(asset.Span[(int)at..(int)start]);
            at = start + length;
        }
        hasher.AppendData(asset.Span[(int)at..]);
        if (CryptographicOperations.FixedTimeEquals(hasher.GetHashAndReset(), binding.Value.Hash)) successes.Add(StatusCodes.DataHashMatch);
        else failures.Add(new(StatusCodes.DataHashMismatch, "the file's bytes do not match the hard binding"));
    }

    // An assertion label may carry an instance suffix (c2pa.hash.data__1).
    private static string BaseLabel(string label)
    {
        var cut = label.IndexOf("__", StringComparison.Ordinal);
        return cut < 0 ? label : label[..cut];
    }

    private static HashAlgorithmName? HashName(string alg) => alg switch
    {
        "sha256" => HashAlgorithmName.SHA256,
        "sha384" => HashAlgorithmName.SHA384,
        "sha512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    private static byte[]? Hash(string alg, ReadOnlySpan<byte> data) => HashName(alg) switch
    {
        { } n when n == HashAlgorithmName.SHA256 => SHA256.HashData(data),
        { } n when n == HashAlgorithmName.SHA384 => SHA384.HashData(data),
        { } n when n == HashAlgorithmName.SHA512 => SHA512.HashData(data),
        _ => null,
    };
}
