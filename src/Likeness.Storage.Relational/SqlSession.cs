using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Royalties;
using Likeness.Storage.Relational.Rows;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational;

/// <summary>
/// <see cref="IStoreSession"/> in SQL, written once for every provider (standard SQL, <c>@p</c> parameters, CAST for
/// typed nulls): each call is one table's mapper (<c>Rows/</c>) over <see cref="ISql"/>, which runs statements now
/// (<see cref="SqlRunner"/>) or lets writes wait for the batch (<see cref="WriteBatch"/>). It remembers nothing: what
/// the writer remembers between calls is <see cref="WriterSession"/>'s.
/// </summary>
internal sealed class SqlSession(ISql sql, Dialect dialect, WriteBatch? batch = null) : IStoreSession, IRelationalSession
{
    /// <summary>Runs a raw statement (migrations and tests).</summary>
    public void Exec(string statement, params object?[] args) => sql.Exec(statement, args);

    /// <summary>The applied schema version (0 for an empty store).</summary>
    public long SchemaVersion() => SettingRows.SchemaVersion(sql);

    /// <summary>How many rows a table of the schema holds (tests compare counts before and after a refused request).</summary>
    public long CountRows(string table) =>
        table.Length > 0 && table.All(c => char.IsAsciiLetterLower(c) || c == '_')
            ? sql.Scalar<long>($"SELECT COUNT(*) FROM {table}")
            : throw new ArgumentException($"'{table}' is not a table name.", nameof(table));

    public IWebhookSession Webhooks { get; } = new WebhookRows(sql);

    public IActSession Acts { get; } = new ActRows(sql);

    public IStrikeSession Strikes { get; } = new StrikeRows(sql);
    public IVaultSession Vault { get; } = new VaultRows(sql);
    public IPlanSession Plans { get; } = new PlanRows(sql);
    public IProvenanceSession Provenance { get; } = new ProvenanceRows(sql);

    public string? GetSetting(string name) => SettingRows.GetSetting(sql, name);

    public void SetSetting(string name, string value) => SettingRows.SetSetting(sql, name, value);

    public void DeleteSetting(string name) => SettingRows.DeleteSetting(sql, name);

    public void InsertParty(PartyRecord party, string apiKeyHash) => PartyRows.Insert(sql, party, apiKeyHash);

    public PartyRecord? GetParty(string id) => PartyRows.Get(sql, id);

    public PartyRecord? GetPartyByKeyHash(string apiKeyHash) => PartyRows.GetByKeyHash(sql, apiKeyHash);

    public void SetDeath(string performerId, DateOnly diedOn, DateTimeOffset diedAt, string? domicile, DateTimeOffset postMortemEnd) =>
        PartyRows.SetDeath(sql, performerId, diedOn, diedAt, domicile, postMortemEnd);

    public void SetPostMortemEnd(string performerId, DateTimeOffset end) => PartyRows.SetPostMortemEnd(sql, performerId, end);

    public void InsertAsset(AssetRecord asset) => AssetRows.Insert(sql, asset);

    public IReadOnlyList<AssetRecord> ListAssets(string performerId) => AssetRows.List(sql, performerId);

    public void InsertConsentVersion(ConsentVersionRecord version) => ConsentRows.Insert(sql, version);

    public ConsentVersionRecord? GetCurrentConsent(string performerId) => ConsentRows.GetCurrent(sql, performerId);

    public IReadOnlyList<ConsentVersionRecord> ListConsentVersions(string performerId, int? beforeVersion, int limit) => ConsentRows.List(sql, performerId, beforeVersion, limit);

    public void InsertRequest(LicenseRequestRecord request) => RequestRows.Insert(sql, request);

    public void UpdateRequest(LicenseRequestRecord request) => RequestRows.Update(sql, request);

    public LicenseRequestRecord? GetRequest(string id) => RequestRows.Get(sql, id);

    public IReadOnlyList<LicenseRequestRecord> ListRequests(RequestListQuery query) => RequestRows.List(sql, query);

    public void InsertLicense(LicenseRecord license) => LicenseRows.Insert(sql, license);

    public void UpdateLicense(LicenseRecord license) => LicenseRows.Update(sql, license);

    public LicenseRecord? GetLicense(string id) => LicenseRows.Get(sql, id);

    public IReadOnlyList<LicenseRecord> ListLicensesOfPerformer(string performerId) => LicenseRows.ListOfPerformer(sql, performerId);

    public IReadOnlyList<LicenseRecord> ListLicenses(LicenseListQuery query) => LicenseRows.List(sql, query);

    public IReadOnlyList<LicenseRecord> ListUnrecordedExpiries(DateTimeOffset now, int limit) => LicenseRows.ListUnrecordedExpiries(sql, now, limit);

    public void MarkExpiryRecorded(string licenseId) => LicenseRows.MarkExpiryRecorded(sql, licenseId);

    public IReadOnlyList<UseBudgetRecord> GetBudgets(string licenseId) => LicenseRows.GetBudgets(sql, licenseId);

    public void AdjustBudget(string licenseId, int useIndex, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) =>
        LicenseRows.AdjustBudget(sql, licenseId, useIndex, secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta);

    public IReadOnlyList<LicenseRecord> ListLicensesEndingIn(DateTimeOffset from, DateTimeOffset to) => LicenseRows.ListEndingIn(sql, from, to);

    public IReadOnlyList<Domain.Decisions.CapCounter> GetCapCounters(string performerId, int fromMonth) => CapRows.Get(sql, performerId, fromMonth);

    public void AdjustCapCounter(string performerId, string studioId, Domain.Common.Modality modality, int month, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) =>
        CapRows.Adjust(sql, performerId, studioId, modality, month, secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta);

    public void InsertRender(RenderRecord render) => RenderRows.Insert(sql, render);

    public void UpdateRender(RenderRecord render) => RenderRows.Update(sql, render);

    public RenderRecord? GetRender(string id) => RenderRows.Get(sql, id);

    public IReadOnlyList<RenderRecord> ListRenders(RenderListQuery query) => RenderRows.List(sql, query);

    public IReadOnlyList<RenderRecord> ListExpiredReservations(DateTimeOffset now, string? licenseId, int limit) => RenderRows.ListExpiredReservations(sql, now, licenseId, limit);

    public void InsertContributor(ContributorRecord contributor) => ContributorRows.Insert(sql, contributor);

    public IReadOnlyList<ContributorRecord> GetContributors(string renderId) => ContributorRows.Get(sql, renderId);

    public void ApproveContributor(string renderId, int position, string by, DateTimeOffset at) => ContributorRows.Approve(sql, renderId, position, by, at);

    public IReadOnlyList<RenderRecord> ListUsage(string? licenseId, string? performerId, string? studioId, (DateTimeOffset At, string Id)? before, int limit) =>
        RenderRows.ListUsage(sql, licenseId, performerId, studioId, before, limit);

    public DateTimeOffset? EarliestSettlement() => RenderRows.EarliestSettlement(sql);

    public void InsertSplits(SplitsRecord splits) => RoyaltyRows.InsertSplits(sql, splits);

    public SplitsRecord? GetSplits(string performerId, int? version) => RoyaltyRows.GetSplits(sql, performerId, version);

    public SplitsRecord? GetSplitsAt(string performerId, DateTimeOffset at) => RoyaltyRows.GetSplitsAt(sql, performerId, at);

    public void InsertRateTable(RateTableRecord table) => RoyaltyRows.InsertRateTable(sql, table);

    public RateTableRecord? GetCurrentRateTable(string unionId) => RoyaltyRows.GetCurrentRateTable(sql, unionId);

    public IReadOnlyList<PartyRecord> ListUnionsOf(string performerId) => PartyRows.ListUnionsOf(sql, dialect, performerId);

    public IReadOnlyList<UsageAggregate> AggregateUsage(DateTimeOffset? from, DateTimeOffset to, string? licenseId) => RoyaltyRows.AggregateUsage(sql, dialect, from, to, licenseId);

    public ClosedPeriodRecord? GetClosedPeriod(string period) => RoyaltyRows.GetClosedPeriod(sql, period);

    public IReadOnlyList<ClosedPeriodRecord> ListClosedPeriods() => RoyaltyRows.ListClosedPeriods(sql);

    public void InsertClosedPeriod(ClosedPeriodRecord period) => RoyaltyRows.InsertClosedPeriod(sql, period);

    public void RecordChange(string kind, string id) => ChangeRows.Record(sql, kind, id);

    public IReadOnlyList<StoreChange> ReadChanges(long after, int limit) => ChangeRows.Read(sql, after, limit);

    public long LatestChange() => ChangeRows.Latest(sql);

    public IdempotencyRecord? GetIdempotency(string scope, string key) => IdempotencyRows.Get(sql, scope, key);

    public void InsertIdempotency(IdempotencyRecord record) => IdempotencyRows.Insert(sql, record);

    public void DeleteIdempotency(string scope, string key) => IdempotencyRows.Delete(sql, scope, key);

    public int DeleteIdempotencyBefore(DateTimeOffset cutoff, int limit) => IdempotencyRows.DeleteBefore(sql, cutoff, limit);

    public long AppendLedgerEntry(byte[] entry, byte[] leafHash)
    {
        var index = batch?.NextLedgerIndex ?? LedgerEntryCount();
        LedgerRows.Append(sql, index, entry, leafHash);
        if (batch is not null)
        {
            batch.NextLedgerIndex = index + 1;
        }

        return index;
    }

    public long LedgerEntryCount() => LedgerRows.Count(sql);

    public IReadOnlyList<byte[]> ReadLedgerEntries(long from, int count) => LedgerRows.ReadEntries(sql, from, count);

    public IReadOnlyList<StoredLeaf> ReadLedgerLeaves(long from, int count) => LedgerRows.ReadLeaves(sql, from, count);

    public byte[]? GetTile(int level, long index) => LedgerRows.GetTile(sql, level, index);

    public void PutTile(int level, long index, byte[] data) => LedgerRows.PutTile(sql, level, index, data);

    public StoredCheckpoint? GetLatestCheckpoint() => LedgerRows.GetLatestCheckpoint(sql);

    public void InsertCheckpoint(StoredCheckpoint checkpoint) => LedgerRows.InsertCheckpoint(sql, checkpoint);
}

/// <summary>A relational session's raw statements, below the port: for migrations and for tests that look beneath it.</summary>
public interface IRelationalSession
{
    /// <summary>Runs a statement that returns no rows.</summary>
    void Exec(string statement, params object?[] args);

    /// <summary>The applied schema version (0 for an empty store).</summary>
    long SchemaVersion();

    /// <summary>How many rows <paramref name="table"/> (a table of the schema, named in lower case) holds.</summary>
    long CountRows(string table);
}
