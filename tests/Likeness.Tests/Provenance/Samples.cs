using System.Security.Cryptography.X509Certificates;
using Likeness.Provenance;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Signing;

namespace Likeness.Tests.Provenance;

/// <summary>A signing chain, render facts and signed files for the provenance tests.</summary>
public static class Samples
{
    /// <summary>When the tests' chain was made: its signer is valid five years from then.</summary>
    public static readonly DateTimeOffset ChainMade = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When the tests validate (inside the chain's validity).</summary>
    public static readonly DateTimeOffset ValidatedAt = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly Guid ManifestId = Guid.Parse("2f0c5a4e-8b1d-4c3a-9e6f-7a8b9c0d1e2f");

    public static readonly RenderFacts Facts = new("rnd_test", "lic_test", ["prf_test"], 7, "likeness.test/ledger", NotForTraining: true);

    private static readonly Lazy<(string Chain, string RootKey)> Made = new(() => SigningChain.Create("Likeness Test", ChainMade));

    /// <summary>The tests' chain (a new instance each time; dispose it).</summary>
    public static SigningChain Chain() => SigningChain.Read(Made.Value.Chain);

    /// <summary>A fresh, unrelated chain: a root nobody trusts.</summary>
    public static SigningChain OtherChain() => SigningChain.Read(SigningChain.Create("Someone Else", ChainMade).ChainPem);

    /// <summary>Writes the tests' root to a PEM file in <paramref name="dir"/>.</summary>
    public static string RootPem(string dir, SigningChain chain)
    {
        var path = Path.Combine(dir, $"root-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, chain.TrustAnchorsPem);
        return path;
    }

    public static IReadOnlyList<X509Certificate2> Anchors(SigningChain chain) => [chain.Root];

    /// <summary>Signs <paramref name="asset"/> for <paramref name="facts"/> as the server would.</summary>
    public static byte[] Sign(byte[] asset, SigningChain chain, RenderFacts? facts = null, int signatureLength = Credential.DefaultSignatureLength)
    {
        var prepared = Credential.Prepare(asset, facts ?? Facts, ManifestId, signatureLength).Credential
            ?? throw new InvalidOperationException("not a WAV or JPEG file");
        var signature = chain.NewSigner().Sign(prepared.Claim, prepared.SignatureLength)!;
        return prepared.Embed(signature)!;
    }

    /// <summary>A credential body the server reads as a well-formed claim that states another render.</summary>
    public static object UntruthfulCredentialBody()
    {
        var prepared = Credential.Prepare(File.ReadAllBytes(C2paOracle.Fixture("sample1.wav")), Facts, ManifestId).Credential!;
        return new { claim = Convert.ToBase64String(prepared.Claim), assertions = Convert.ToBase64String(prepared.AssertionStore), signatureLength = prepared.SignatureLength };
    }
}
