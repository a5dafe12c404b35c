using System.Security.Cryptography;
using Likeness.Application.Ports;

namespace Likeness.Server.Secrets;

/// <summary>
/// The ledger's signing key as a PKCS#8 PEM file (<c>-----BEGIN PRIVATE KEY-----</c>) readable by its owner only:
/// beside a SQLite store as <c>&lt;db&gt;.signing-key.pem</c>, or where <c>--signing-key</c> says (which a PostgreSQL
/// store requires: every node reads the same file, from a shared or secret mount). A rotation stages the new key as
/// <c>&lt;file&gt;.next</c> before its commit and renames it over the file after.
/// </summary>
public sealed class SigningKeyFile(string path) : ISigningKeyStore
{
    private const string Label = "PRIVATE KEY";

    private readonly string _path = Path.GetFullPath(path);

    public string Location => _path;

    /// <summary>Where a rotation stages its new key.</summary>
    public string StagedPath => _path + ".next";

    public byte[]? Read() => ReadPem(_path);

    public byte[] CreateOrRead(byte[] pkcs8) =>
        PrivateFile.TryCreate(_path, Pem(pkcs8)) ? pkcs8 : Read() ?? throw new IOException($"{_path} vanished while it was read.");

    public void Stage(byte[] pkcs8) => PrivateFile.Write(StagedPath, Pem(pkcs8));

    public byte[]? ReadStaged() => ReadPem(StagedPath);

    public void Replace(byte[] pkcs8) => PrivateFile.Write(_path, Pem(pkcs8));

    /// <summary>Where the webhook secrets key is: beside this file, <c>.webhook-key</c> for <c>.signing-key.pem</c> (or <c>.pem</c>).</summary>
    public string WebhookKeyPath => Beside(".webhook-key");

    /// <summary>Where the vault's master key is: beside this file, <c>.vault-key</c> for <c>.signing-key.pem</c> (or <c>.pem</c>).</summary>
    public string VaultKeyPath => Beside(".vault-key");

    public byte[] WebhookSecretsKey() => SymmetricKey(WebhookKeyPath, "webhook secrets key");

    public byte[] VaultMasterKey() => SymmetricKey(VaultKeyPath, "vault master key");

    public byte[]? StagedVaultMasterKey() => File.Exists(VaultKeyPath + ".next") ? SymmetricKey(VaultKeyPath + ".next", "staged vault master key") : null;

    public void StageVaultMasterKey(byte[] key) => PrivateFile.Write(VaultKeyPath + ".next", Convert.ToBase64String(key) + "\n");

    public void PromoteVaultMasterKey() => File.Move(VaultKeyPath + ".next", VaultKeyPath, overwrite: true);

    /// <summary>Where the C2PA chain is: beside this file, <c>.c2pa-chain.pem</c> (and the root's key in <c>.c2pa-root-key.pem</c>).</summary>
    public string CredentialChainPath => Beside(".c2pa-chain.pem");

    public string CredentialChain(Func<(string ChainPem, string RootKeyPem)> create)
    {
        var path = CredentialChainPath;
        if (!File.Exists(path))
        {
            var (chain, rootKey) = create();
            // The node that creates the chain writes its root's key; one that loses the race reads the winner's chain.
            if (PrivateFile.TryCreate(path, chain))
            {
                PrivateFile.Write(Beside(".c2pa-root-key.pem"), rootKey);
            }
        }

        return File.ReadAllText(path);
    }

    private string Beside(string suffix)
    {
        var stem = _path.EndsWith(".pem", StringComparison.Ordinal) ? _path[..^4] : _path;
        stem = stem.EndsWith(".signing-key", StringComparison.Ordinal) ? stem[..^12] : stem;
        return stem + suffix;
    }

    // A 32-byte key in base64, created 0600 on first use.
    private static byte[] SymmetricKey(string path, string what)
    {
        if (!File.Exists(path))
        {
            PrivateFile.TryCreate(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        }

        var key = new byte[32];
        return Convert.TryFromBase64String(File.ReadAllText(path).Trim(), key, out var length) && length == key.Length
            ? key
            : throw new FormatException($"{path} is not a {what} (32 bytes in base64).");
    }

    private static string Pem(byte[] pkcs8) => PemEncoding.WriteString(Label, pkcs8) + "\n";

    private static byte[]? ReadPem(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (!PemEncoding.TryFind(text, out var fields) || text[fields.Label] != Label)
        {
            throw new FormatException($"{file} is not a PKCS#8 PEM private key (-----BEGIN {Label}-----).");
        }

        return Convert.FromBase64String(text[fields.Base64Data]);
    }
}
