using Likeness.Application.Acts;
using Likeness.Application.Caps;
using Likeness.Application.Common;
using Likeness.Application.Consent;
using Likeness.Application.Ledger;
using Likeness.Application.Licensing;
using Likeness.Application.Lists;
using Likeness.Application.Parties;
using Likeness.Application.Ports;
using Likeness.Application.Provenance;
using Likeness.Application.Renders;
using Likeness.Application.Royalties;
using Likeness.Application.Strikes;
using Likeness.Application.Usage;
using Likeness.Application.Vault;
using Likeness.Application.Webhooks;
using Likeness.Provenance.Signing;

namespace Likeness.Application;

/// <summary>The use cases of one node, wired over one store and one clock. The server and the tests build it the same way.</summary>
public sealed class LikenessCore : IDisposable
{
    private LikenessCore(IStore store, TimeProvider clock, LikenessOptions options, KeyRing keys, WebhookSecretBox webhookSecrets, SigningChain credentialChain, VaultKeys vaultKeys)
    {
        _credentialChain = credentialChain;
        Store = store;
        Clock = clock;
        Options = options;
        Keys = keys;
        var mutations = new Mutations(store, clock, options.IdempotencyRetention);
        Mutations = mutations;
        Snapshots = new SnapshotCache(store);
        Parties = new PartyService(store, clock, mutations);
        Parties.PerformerChanged += Snapshots.InvalidatePerformer;
        Assets = new AssetService(store, clock, mutations);
        var gate = new ActGate(clock);
        PartyKeys = new PartyKeyService(store, clock, mutations, gate);
        Grants = new GrantService(store, clock, mutations, gate, Parties);
        Consent = new ConsentService(store, clock, mutations, Snapshots, gate);
        Caps = new CapService(store, clock, Snapshots);
        Requests = new LicenseRequestService(store, clock, mutations, Snapshots, keys, gate);
        Licenses = new LicenseService(store, clock, mutations, Snapshots, gate);
        Strikes = new StrikeService(store, clock, mutations, Snapshots);
        PostMortem = new PostMortemService(clock, mutations, Snapshots);
        PostMortemTable = new PostMortemTable(store, clock, mutations);
        Renders = new RenderService(store, clock, mutations, Snapshots, options, gate);
        Ensembles = new EnsembleService(store, clock, mutations, Snapshots, options, gate, Renders);
        Provenance = new ProvenanceService(store);
        Usage = new UsageService(store);
        Valuation = new Planning.ValuationService(store, clock);
        Plans = new Planning.PlanService(store, clock, mutations, Requests);
        Lists = new ListService(store, clock);
        Me = new MeService(store);
        Ledger = new LedgerService(store, clock, keys);
        Splits = new SplitsService(store, clock, mutations, gate);
        Statements = new StatementService(store, clock, mutations);
        KeyRotation = new KeyRotationService(clock, mutations, keys);
        Changes = new ChangeFeed(store, Snapshots, Parties, keys);
        Webhooks = new WebhookService(store, clock, mutations, webhookSecrets, options.WebhookPrivateAddresses);
        LicenseNotices = new LicenseNotices(store, clock);
        Credentials = new CredentialService(clock, mutations, options, credentialChain);
        Vault = new VaultService(store, store.Content, vaultKeys, clock, mutations, options.VaultMaxBytes);
        Lineage = new LineageService(store, clock, mutations);
        Releases = new ReleaseService(store, clock, mutations, Vault);
        Retention = new RetentionSweep(store, clock);
    }

    private readonly SigningChain _credentialChain;

    public IStore Store { get; }
    public TimeProvider Clock { get; }
    public LikenessOptions Options { get; }

    /// <summary>Idempotent writes, and the expiry of their keys.</summary>
    public Mutations Mutations { get; }
    public KeyRing Keys { get; }
    public SnapshotCache Snapshots { get; }
    public PartyService Parties { get; }
    public AssetService Assets { get; }

    /// <summary>Parties' signing keys (issue 14).</summary>
    public PartyKeyService PartyKeys { get; }

    /// <summary>Performers' grants of power to representatives.</summary>
    public GrantService Grants { get; }
    public ConsentService Consent { get; }

    /// <summary>What a performer's caps across licences have counted this period.</summary>
    public CapService Caps { get; }
    public LicenseRequestService Requests { get; }
    public LicenseService Licenses { get; }

    /// <summary>The estate's renewals of post-mortem rights.</summary>
    public PostMortemService PostMortem { get; }

    /// <summary>The post-mortem rules by jurisdiction, loaded by the operator and versioned in the ledger.</summary>
    public PostMortemTable PostMortemTable { get; }

    /// <summary>Unions' strikes, their waivers and ends.</summary>
    public StrikeService Strikes { get; }
    public RenderService Renders { get; }

    /// <summary>Renders with several performers (issue 16).</summary>
    public EnsembleService Ensembles { get; }

    /// <summary>Watermark tokens found in audio, looked up (issue 19).</summary>
    public ProvenanceService Provenance { get; }
    public UsageService Usage { get; }

    /// <summary>A likeness's value for a scenario (issue 21).</summary>
    public Planning.ValuationService Valuation { get; }

    /// <summary>Studios' plans: breakdowns, versions and drafted requests (issue 21).</summary>
    public Planning.PlanService Plans { get; }

    /// <summary>The lists of licence requests, licences and renders.</summary>
    public ListService Lists { get; }

    /// <summary>The caller's own view (<c>/v1/me</c>).</summary>
    public MeService Me { get; }
    public LedgerService Ledger { get; }
    public SplitsService Splits { get; }
    public StatementService Statements { get; }
    public KeyRotationService KeyRotation { get; }
    public ChangeFeed Changes { get; }

    /// <summary>Webhook endpoints, their delivery logs, and the outbox's fan-out.</summary>
    public WebhookService Webhooks { get; }

    /// <summary>The licence events that only time causes (expiring in 30, 7, 1 days; a revocation taking effect).</summary>
    public LicenseNotices LicenseNotices { get; }

    /// <summary>C2PA credentials for renders, signed under the operator's chain (issue 18).</summary>
    public CredentialService Credentials { get; }

    /// <summary>The custody vault: sealed asset content, its release and its destruction (docs/CUSTODY.md).</summary>
    public VaultService Vault { get; }

    /// <summary>What each asset was made from, and whether every source had consent.</summary>
    public LineageService Lineage { get; }

    /// <summary>Assets released to licensed renders.</summary>
    public ReleaseService Releases { get; }

    /// <summary>Retention reminders, overdue copies and post-mortem shredding (docs/CUSTODY.md).</summary>
    public RetentionSweep Retention { get; }

    /// <summary>Migrates the store, loads (or creates) the signing key from <paramref name="signingKeys"/>, and wires the use cases.</summary>
    public static async Task<LikenessCore> OpenAsync(IStore store, ISigningKeyStore signingKeys, TimeProvider clock, LikenessOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        await store.MigrateAsync(ct);
        var keys = await KeyRing.OpenAsync(store, signingKeys, options.Origin, ct);
        var webhookSecrets = new WebhookSecretBox(signingKeys.WebhookSecretsKey());
        await CheckKeyAsync(store, "webhook_key_check", webhookSecrets.KeyCheck, $"The webhook secrets key beside {signingKeys.Location} is not the one this store's webhook secrets were sealed under; give this node a copy of the first node's key file.", ct);
        var vaultKeys = new VaultKeys(signingKeys.VaultMasterKey());
        await CheckKeyAsync(store, "vault_key_check", vaultKeys.KeyCheck, $"The vault master key beside {signingKeys.Location} is not the one this store's vault was sealed under; give this node a copy of the first node's key file.", ct);
        var chain = SigningChain.Read(signingKeys.CredentialChain(() => SigningChain.Create(options.Origin, clock.GetUtcNow())));
        var core = new LikenessCore(store, clock, options, keys, webhookSecrets, chain, vaultKeys);
        await core.Changes.SyncAsync(ct);
        return core;
    }

    public void Dispose()
    {
        Keys.Dispose();
        _credentialChain.Dispose();
    }

    // The store remembers a check of each key kept beside it (webhook secrets, the vault's master key), so a node given
    // another key file stops at start-up instead of sealing what no other node can open.
    private static async Task CheckKeyAsync(IStore store, string setting, string check, string mismatch, CancellationToken ct)
    {
        var stored = await store.WriteAsync(
            s =>
            {
                if (s.GetSetting(setting) is { } kept)
                {
                    return kept;
                }

                s.SetSetting(setting, check);
                return check;
            },
            ct);
        if (stored != check)
        {
            throw new InvalidOperationException(mismatch);
        }
    }
}
