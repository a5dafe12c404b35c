namespace Likeness.Application.Ports;

/// <summary>
/// Where the ledger's private signing key is kept: never in the store, so that a copy or backup of the database
/// cannot sign checkpoints or licence tokens. The default is a PEM file its owner alone can read (in the server);
/// every node of a store reads the same key from it. Keys are PKCS#8 DER.
/// </summary>
public interface ISigningKeyStore
{
    /// <summary>Where the key is, for people (a path).</summary>
    string Location { get; }

    /// <summary>The current key, or null when there is none yet.</summary>
    byte[]? Read();

    /// <summary>Saves <paramref name="pkcs8"/> as the first key, unless a key is there already (another node made it): returns the key kept.</summary>
    byte[] CreateOrRead(byte[] pkcs8);

    /// <summary>
    /// Keeps a rotation's new key beside the current one before the rotation commits, so that a crash between the commit
    /// and <see cref="Replace"/> does not lose the key the log has announced.
    /// </summary>
    void Stage(byte[] pkcs8);

    /// <summary>The key a rotation staged, or null.</summary>
    byte[]? ReadStaged();

    /// <summary>Makes <paramref name="pkcs8"/> the current key at once (atomically): the key it replaces is gone.</summary>
    void Replace(byte[] pkcs8);

    /// <summary>
    /// The 32-byte key that seals webhook secrets in the store (<see cref="Webhooks.WebhookSecretBox"/>), kept beside the
    /// signing key and created on first use; every node of a store reads the same one.
    /// </summary>
    byte[] WebhookSecretsKey();

    /// <summary>
    /// The C2PA credential chain's PEM (the claim signer's private key, its certificate, the root certificate), kept
    /// beside the signing key; when there is none yet, <paramref name="create"/> makes one and both its parts are saved
    /// owner-only (the root's private key in a file of its own). Every node of a store reads the same chain.
    /// </summary>
    string CredentialChain(Func<(string ChainPem, string RootKeyPem)> create);

    /// <summary>
    /// The vault's 32-byte master key (<see cref="Vault.VaultKeys"/>), kept beside the signing key and created on first
    /// use; every node of a store reads the same one. Never in the store.
    /// </summary>
    byte[] VaultMasterKey();

    /// <summary>A new vault master key staged by a rotation before its commit (<c>.vault-key.next</c>); null when none is.</summary>
    byte[]? StagedVaultMasterKey();

    /// <summary>Stages <paramref name="key"/> as the next vault master key, owner-only.</summary>
    void StageVaultMasterKey(byte[] key);

    /// <summary>Makes the staged key the vault master key (a rename), once the store committed the keys it wraps.</summary>
    void PromoteVaultMasterKey();
}
