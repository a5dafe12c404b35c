using Likeness.Application.Model;

namespace Likeness.Application.Ports;

/// <summary>
/// The storage port. Writes are commands run inside a transaction that the store may share with other
/// concurrent commands (group commit): one command's failure undoes only that command; the task completes once
/// the shared transaction is durably committed.
/// </summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>Runs <paramref name="command"/> in a write transaction and completes after the commit is durable.</summary>
    Task<T> WriteAsync<T>(Func<IStoreSession, T> command, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="command"/>, which first looks up <paramref name="idempotencyKey"/>
    /// (<see cref="IStoreSession.GetIdempotency"/>), in a write transaction: the store may read the keys of all the
    /// commands it writes together at once, before any of them runs.
    /// </summary>
    Task<T> WriteAsync<T>(Func<IStoreSession, T> command, IdempotencyKey? idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="query"/> on a consistent read snapshot.</summary>
    Task<T> ReadAsync<T>(Func<IStoreSession, T> query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a query of one statement without a transaction of its own (a single statement is its own snapshot): the
    /// cheap form of <see cref="ReadAsync{T}"/> for a lookup on the hot path.
    /// </summary>
    Task<T> LookupAsync<T>(Func<IStoreSession, T> query, CancellationToken cancellationToken = default);

    /// <summary>Creates the schema if missing. Idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Tries to become the ledger's one sequencer among the nodes sharing this store; null while another node is.
    /// The lease lasts until it is disposed or its node dies.
    /// </summary>
    Task<ISequencerLease?> TryAcquireSequencerAsync(CancellationToken cancellationToken = default);

    /// <summary>Where the vault's sealed bytes live for this store: every node of the store reaches the same ones.</summary>
    IContentStore Content { get; }
}

/// <summary>Held by the node that sequences the ledger.</summary>
public interface ISequencerLease : IAsyncDisposable
{
    /// <summary>False once the lease is lost (its connection broke).</summary>
    bool IsHeld { get; }
}

/// <summary>The narrow set of reads and writes the use cases need. Writes throw in a read session.</summary>
public interface IStoreSession
{
    /// <summary>The webhook outbox, endpoints and deliveries.</summary>
    IWebhookSession Webhooks { get; }

    /// <summary>Signing keys, grants to representatives, and signed acts.</summary>
    IActSession Acts { get; }

    /// <summary>Unions' strikes.</summary>
    IStrikeSession Strikes { get; }

    /// <summary>The vault's keys, uploads and sealed contents (docs/CUSTODY.md).</summary>
    IVaultSession Vault { get; }

    /// <summary>Renders' watermark tokens (issue 19).</summary>
    IProvenanceSession Provenance { get; }

    /// <summary>Studios' plans and their versions (issue 21).</summary>
    IPlanSession Plans { get; }

    // Settings (operator key hash, published signing keys, …); never a private key.
    string? GetSetting(string name);
    void SetSetting(string name, string value);
    void DeleteSetting(string name);

    // Parties and keys.
    void InsertParty(PartyRecord party, string apiKeyHash);
    PartyRecord? GetParty(string id);
    PartyRecord? GetPartyByKeyHash(string apiKeyHash);
    void SetDeath(string performerId, DateOnly diedOn, DateTimeOffset diedAt, string? domicile, DateTimeOffset postMortemEnd);

    /// <summary>Moves a dead performer's post-mortem term end (a renewal).</summary>
    void SetPostMortemEnd(string performerId, DateTimeOffset end);

    // Assets.
    void InsertAsset(AssetRecord asset);
    IReadOnlyList<AssetRecord> ListAssets(string performerId);

    // Consent.
    void InsertConsentVersion(ConsentVersionRecord version);
    ConsentVersionRecord? GetCurrentConsent(string performerId);

    /// <summary>A performer's consent versions, newest first, below <paramref name="beforeVersion"/> when given.</summary>
    IReadOnlyList<ConsentVersionRecord> ListConsentVersions(string performerId, int? beforeVersion, int limit);

    // Licence requests.
    void InsertRequest(LicenseRequestRecord request);
    void UpdateRequest(LicenseRequestRecord request);
    LicenseRequestRecord? GetRequest(string id);

    /// <summary>A page of licence requests (see <see cref="RequestListQuery"/>).</summary>
    IReadOnlyList<LicenseRequestRecord> ListRequests(RequestListQuery query);

    // Licences and their budgets.
    void InsertLicense(LicenseRecord license);
    void UpdateLicense(LicenseRecord license);
    LicenseRecord? GetLicense(string id);
    IReadOnlyList<LicenseRecord> ListLicensesOfPerformer(string performerId);

    /// <summary>A page of licences (see <see cref="LicenseListQuery"/>).</summary>
    IReadOnlyList<LicenseRecord> ListLicenses(LicenseListQuery query);

    /// <summary>Licences past their term end whose expiry the ledger has not recorded yet.</summary>
    IReadOnlyList<LicenseRecord> ListUnrecordedExpiries(DateTimeOffset now, int limit);

    void MarkExpiryRecorded(string licenseId);
    IReadOnlyList<UseBudgetRecord> GetBudgets(string licenseId);

    /// <summary>Adds to one use's counters (negative to release). Never checks: the caller decided under the same transaction.</summary>
    void AdjustBudget(string licenseId, int useIndex, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta);

    // A performer's cap counters (docs/DOMAIN.md, "Caps"): per month, studio and modality.
    /// <summary>The counters of a performer's renders reserved in <paramref name="fromMonth"/> (<c>yyyymm</c>) or later.</summary>
    IReadOnlyList<Domain.Decisions.CapCounter> GetCapCounters(string performerId, int fromMonth);

    /// <summary>
    /// Adds to one counter (negative to release), which starts at zero. Never checks: the caller decided under the same
    /// transaction.
    /// </summary>
    void AdjustCapCounter(string performerId, string studioId, Domain.Common.Modality modality, int month, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta);

    // Renders.
    void InsertRender(RenderRecord render);
    void UpdateRender(RenderRecord render);
    RenderRecord? GetRender(string id);

    /// <summary>A page of renders (see <see cref="RenderListQuery"/>).</summary>
    IReadOnlyList<RenderRecord> ListRenders(RenderListQuery query);
    /// <summary>Renders past their deadline at <paramref name="now"/>: reservations not settled, and approvals not given.</summary>
    IReadOnlyList<RenderRecord> ListExpiredReservations(DateTimeOffset now, string? licenseId, int limit);

    // The contributors of a render with several performers.
    void InsertContributor(ContributorRecord contributor);

    /// <summary>A render's contributors in order; empty when the id is not a render with several performers.</summary>
    IReadOnlyList<ContributorRecord> GetContributors(string renderId);

    /// <summary>Records that <paramref name="by"/> approved the contributor's part of the render.</summary>
    void ApproveContributor(string renderId, int position, string by, DateTimeOffset at);

    /// <summary>Completed renders, newest first, before the <paramref name="before"/> cursor (exclusive).</summary>
    IReadOnlyList<RenderRecord> ListUsage(string? licenseId, string? performerId, string? studioId, (DateTimeOffset At, string Id)? before, int limit);

    // Royalties.
    void InsertSplits(SplitsRecord splits);
    SplitsRecord? GetSplits(string performerId, int? version);

    /// <summary>The version of a performer's splits in force at <paramref name="at"/> (written at or before it).</summary>
    SplitsRecord? GetSplitsAt(string performerId, DateTimeOffset at);

    /// <summary>When the first render was settled, if any.</summary>
    DateTimeOffset? EarliestSettlement();
    void InsertRateTable(RateTableRecord table);
    RateTableRecord? GetCurrentRateTable(string unionId);

    /// <summary>The unions that represent a performer.</summary>
    IReadOnlyList<PartyRecord> ListUnionsOf(string performerId);

    /// <summary>
    /// Completed renders settled in [<paramref name="from"/>, <paramref name="to"/>) (from null: since the start), grouped by
    /// licence, use, factor, split version and whether the performer had died; only <paramref name="licenseId"/> when given.
    /// </summary>
    IReadOnlyList<Domain.Royalties.UsageAggregate> AggregateUsage(DateTimeOffset? from, DateTimeOffset to, string? licenseId);

    /// <summary>Licences whose term ends in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    IReadOnlyList<LicenseRecord> ListLicensesEndingIn(DateTimeOffset from, DateTimeOffset to);

    ClosedPeriodRecord? GetClosedPeriod(string period);
    IReadOnlyList<ClosedPeriodRecord> ListClosedPeriods();
    void InsertClosedPeriod(ClosedPeriodRecord period);

    // Changes other nodes must see (licences, consent, parties), in commit order.
    void RecordChange(string kind, string id);
    IReadOnlyList<StoreChange> ReadChanges(long after, int limit);
    long LatestChange();

    // Idempotency.
    IdempotencyRecord? GetIdempotency(string scope, string key);
    void InsertIdempotency(IdempotencyRecord record);
    void DeleteIdempotency(string scope, string key);

    /// <summary>Deletes up to <paramref name="limit"/> records created before <paramref name="cutoff"/>, oldest first; returns how many.</summary>
    int DeleteIdempotencyBefore(DateTimeOffset cutoff, int limit);

    // Ledger.
    /// <summary>
    /// Appends an entry in this transaction and returns its index. Its leaf hash (RFC 9162, computed by the caller,
    /// outside the writer where it can) is stored beside it, so that the sequencer integrates the leaves without
    /// reading the entries again; a verifier always hashes the entries itself.
    /// </summary>
    long AppendLedgerEntry(byte[] entry, byte[] leafHash);

    /// <summary>How many entries the ledger holds (integrated or not).</summary>
    long LedgerEntryCount();

    /// <summary>Up to <paramref name="count"/> entries from index <paramref name="from"/>, in order.</summary>
    IReadOnlyList<byte[]> ReadLedgerEntries(long from, int count);

    /// <summary>
    /// Up to <paramref name="count"/> stored leaf hashes from index <paramref name="from"/>, in order; an entry
    /// stored without one (before leaf hashes were stored) comes with its bytes instead.
    /// </summary>
    IReadOnlyList<StoredLeaf> ReadLedgerLeaves(long from, int count);

    /// <summary>A hash tile's bytes (a partial tile is shorter than 8192), or null.</summary>
    byte[]? GetTile(int level, long index);

    void PutTile(int level, long index, byte[] data);

    StoredCheckpoint? GetLatestCheckpoint();

    void InsertCheckpoint(StoredCheckpoint checkpoint);
}

/// <summary>A checkpoint the log signed: its size, root and the signed note.</summary>
public sealed record StoredCheckpoint(long Size, byte[] Root, string Note, DateTimeOffset At);

/// <summary>A change that invalidates what nodes keep in memory: <c>license</c>, <c>performer</c> or <c>party</c>, and its id.</summary>
public sealed record StoreChange(long Seq, string Kind, string Id);

/// <summary>An idempotency key in its scope (the caller's party id), as a command will look it up.</summary>
public readonly record struct IdempotencyKey(string Scope, string Key);

/// <summary>A ledger entry's stored leaf hash, or, when it was stored without one, the entry itself.</summary>
public readonly record struct StoredLeaf(byte[]? LeafHash, byte[]? Entry);

/// <summary>The first answer given to a mutating request under an Idempotency-Key.</summary>
public sealed record IdempotencyRecord(string Scope, string Key, string RequestHash, int Status, string Body, DateTimeOffset CreatedAt);
