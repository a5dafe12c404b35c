using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Likeness.Provenance.Signing;

/// <summary>
/// An operator's C2PA signing chain: a root (the trust anchor it publishes) and a claim-signing certificate under it,
/// both ECDSA P-256. The signing certificate has the profile C2PA and its reference implementation ask of a claim
/// signer: not a CA, key usage digitalSignature (critical), extended key usage emailProtection and documentSigning
/// (never anyExtendedKeyUsage), subject and authority key identifiers.
/// </summary>
public sealed class SigningChain : IDisposable
{
    private const string DocumentSigning = "1.3.6.1.5.5.7.3.36";
    private const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    private SigningChain(X509Certificate2 root, X509Certificate2 signer, ECDsa signerKey)
    {
        Root = root;
        Signer = signer;
        SignerKey = signerKey;
    }

    /// <summary>The trust anchor.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The claim-signing certificate.</summary>
    public X509Certificate2 Signer { get; }

    /// <summary>The claim-signing private key.</summary>
    public ECDsa SignerKey { get; }

    /// <summary>
    /// Makes a new chain for <paramref name="operatorName"/> valid from <paramref name="now"/>: the root for 20 years,
    /// the signer for 5. Answers the chain's PEM (signer key, signer certificate, root certificate) and the root's
    /// private key PEM, which only issuing a new signer needs.
    /// </summary>
    public static (string ChainPem, string RootKeyPem) Create(string operatorName, DateTimeOffset now)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest(Name(operatorName, "C2PA Root"), rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var rootSki = new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false);
        rootRequest.CertificateExtensions.Add(rootSki);
        using var root = rootRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(20));

        var signerRequest = new CertificateRequest(Name(operatorName, "C2PA Claim Signer"), signerKey, HashAlgorithmName.SHA256);
        signerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        signerRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(EmailProtection), new Oid(DocumentSigning)], true));
        signerRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(signerRequest.PublicKey, false));
        signerRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(rootSki));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signer = signerRequest.Create(root, now.AddMinutes(-5), now.AddYears(5), serial);

        var chain = new StringBuilder()
            .Append(PemEncoding.WriteString("PRIVATE KEY", signerKey.ExportPkcs8PrivateKey())).Append('\n')
            .Append(signer.ExportCertificatePem()).Append('\n')
            .Append(root.ExportCertificatePem()).Append('\n')
            .ToString();
        return (chain, PemEncoding.WriteString("PRIVATE KEY", rootKey.ExportPkcs8PrivateKey()) + "\n");
    }

    /// <summary>Reads a chain PEM made by <see cref="Create"/>; throws <see cref="FormatException"/> when it is not one.</summary>
    public static SigningChain Read(string chainPem)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(chainPem);
        if (certificates.Count != 2) throw new FormatException("a C2PA chain file holds the signer's certificate then the root's");
        var key = ECDsa.Create();
        key.ImportFromPem(chainPem);
        return new SigningChain(certificates[1], certificates[0], key);
    }

    /// <summary>The root as PEM: what <c>GET /v1/provenance/trust-anchors</c> publishes.</summary>
    public string TrustAnchorsPem => Root.ExportCertificatePem() + "\n";

    /// <summary>A claim signer over this chain (the signer's certificate in <c>x5chain</c>; the root left out).</summary>
    public ClaimSigner NewSigner() => new(SignerKey, [Signer]);

    private static X500DistinguishedName Name(string operatorName, string role)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddOrganizationName(operatorName);
        builder.AddCommonName($"{operatorName} {role}");
        return builder.Build();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Root.Dispose();
        Signer.Dispose();
        SignerKey.Dispose();
    }
}
