using Likeness.Application.Model;
using Likeness.Application.Ports;

namespace Likeness.Storage.Relational;

/// <summary>An <see cref="IStoreSession"/> that passes every call to another: the base of a decorator that changes a few.</summary>
internal abstract class DelegatingSession(IStoreSession inner) : IStoreSession
{
    public virtual IWebhookSession Webhooks => inner.Webhooks;

    public virtual IActSession Acts => inner.Acts;
    public virtual IProvenanceSession Provenance => inner.Provenance;

    public virtual IStrikeSession Strikes => inner.Strikes;
    public virtual IVaultSession Vault => inner.Vault;
    public virtual IPlanSession Plans => inner.Plans;

    public virtual string? GetSetting(string name) => inner.GetSetting(name);

    public virtual void SetSetting(string name, string value) => inner.SetSetting(name, value);

    public virtual void DeleteSetting(string name) => inner.DeleteSetting(name);

    public virtual void InsertParty(PartyRecord party, string apiKeyHash) => inner.InsertParty(party, apiKeyHash);

    public virtual PartyRecord? GetParty(string id) => inner.GetParty(id);

    public virtual PartyRecord? GetPartyByKeyHash(string apiKeyHash) => inner.GetPartyByKeyHash(apiKeyHash);

    public virtual void SetDeath(string performerId, DateOnly diedOn, DateTimeOffset diedAt, string? domicile, DateTimeOffset postMortemEnd) =>
        inner.SetDeath(performerId, diedOn, diedAt, domicile, postMortemEnd);

    public virtual void SetPostMortemEnd(string performerId, DateTimeOffset end) => inner.SetPostMortemEnd(performerId, end);

    public virtual void InsertAsset(AssetRecord asset) => inner.InsertAsset(asset);

    public virtual IReadOnlyList<AssetRecord> ListAssets(string performerId) => inner.ListAssets(performerId);

    public virtual void InsertConsentVersion(ConsentVersionRecord version) => inner.InsertConsentVersion(version);

    public virtual ConsentVersionRecord? GetCurrentConsent(string performerId) => inner.GetCurrentConsent(performerId);

    public virtual IReadOnlyList<ConsentVersionRecord> ListConsentVersions(string performerId, int? beforeVersion, int limit) => inner.ListConsentVersions(performerId, beforeVersion, limit);

    public virtual void InsertRequest(LicenseRequestRecord request) => inner.InsertRequest(request);

    public virtual void UpdateRequest(LicenseRequestRecord request) => inner.UpdateRequest(request);

    public virtual LicenseRequestRecord? GetRequest(string id) => inner.GetRequest(id);

    public virtual IReadOnlyList<LicenseRequestRecord> ListRequests(RequestListQuery query) => inner.ListRequests(query);

    public virtual void InsertLicense(LicenseRecord license) => inner.InsertLicense(license);

    public virtual void UpdateLicense(LicenseRecord license) => inner.UpdateLicense(license);

    public virtual LicenseRecord? GetLicense(string id) => inner.GetLicense(id);

    public virtual IReadOnlyList<LicenseRecord> ListLicensesOfPerformer(string performerId) => inner.ListLicensesOfPerformer(performerId);

    public virtual IReadOnlyList<LicenseRecord> ListLicenses(LicenseListQuery query) => inner.ListLicenses(query);

    public virtual IReadOnlyList<LicenseRecord> ListUnrecordedExpiries(DateTimeOffset now, int limit) => inner.ListUnrecordedExpiries(now, limit);

    public virtual void MarkExpiryRecorded(string licenseId) => inner.MarkExpiryRecorded(licenseId);

    public virtual IReadOnlyList<UseBudgetRecord> GetBudgets(string licenseId) => inner.GetBudgets(licenseId);

    public virtual void AdjustBudget(string licenseId, int useIndex, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) => inner.AdjustBudget(licenseId, useIndex, secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta);

    public virtual IReadOnlyList<Domain.Decisions.CapCounter> GetCapCounters(string performerId, int fromMonth) => inner.GetCapCounters(performerId, fromMonth);

    public virtual void AdjustCapCounter(string performerId, string studioId, Domain.Common.Modality modality, int month, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) =>
        inner.AdjustCapCounter(performerId, studioId, modality, month, secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta);

    public virtual void InsertRender(RenderRecord render) => inner.InsertRender(render);

    public virtual void UpdateRender(RenderRecord render) => inner.UpdateRender(render);

    public virtual RenderRecord? GetRender(string id) => inner.GetRender(id);

    public virtual IReadOnlyList<RenderRecord> ListRenders(RenderListQuery query) => inner.ListRenders(query);

    public virtual IReadOnlyList<RenderRecord> ListExpiredReservations(DateTimeOffset now, string? licenseId, int limit) => inner.ListExpiredReservations(now, licenseId, limit);

    public virtual void InsertContributor(ContributorRecord contributor) => inner.InsertContributor(contributor);

    public virtual IReadOnlyList<ContributorRecord> GetContributors(string renderId) => inner.GetContributors(renderId);

    public virtual void ApproveContributor(string renderId, int position, string by, DateTimeOffset at) => inner.ApproveContributor(renderId, position, by, at);

    public virtual IReadOnlyList<RenderRecord> ListUsage(string? licenseId, string? performerId, string? studioId, (DateTimeOffset At, string Id)? before, int limit) => inner.ListUsage(licenseId, performerId, studioId, before, limit);

    public virtual void InsertSplits(SplitsRecord splits) => inner.InsertSplits(splits);

    public virtual SplitsRecord? GetSplits(string performerId, int? version) => inner.GetSplits(performerId, version);

    public virtual SplitsRecord? GetSplitsAt(string performerId, DateTimeOffset at) => inner.GetSplitsAt(performerId, at);

    public virtual DateTimeOffset? EarliestSettlement() => inner.EarliestSettlement();

    public virtual void InsertRateTable(RateTableRecord table) => inner.InsertRateTable(table);

    public virtual RateTableRecord? GetCurrentRateTable(string unionId) => inner.GetCurrentRateTable(unionId);

    public virtual IReadOnlyList<PartyRecord> ListUnionsOf(string performerId) => inner.ListUnionsOf(performerId);

    public virtual IReadOnlyList<Domain.Royalties.UsageAggregate> AggregateUsage(DateTimeOffset? from, DateTimeOffset to, string? licenseId) => inner.AggregateUsage(from, to, licenseId);

    public virtual IReadOnlyList<LicenseRecord> ListLicensesEndingIn(DateTimeOffset from, DateTimeOffset to) => inner.ListLicensesEndingIn(from, to);

    public virtual ClosedPeriodRecord? GetClosedPeriod(string period) => inner.GetClosedPeriod(period);

    public virtual IReadOnlyList<ClosedPeriodRecord> ListClosedPeriods() => inner.ListClosedPeriods();

    public virtual void InsertClosedPeriod(ClosedPeriodRecord period) => inner.InsertClosedPeriod(period);

    public virtual void RecordChange(string kind, string id) => inner.RecordChange(kind, id);

    public virtual IReadOnlyList<StoreChange> ReadChanges(long after, int limit) => inner.ReadChanges(after, limit);

    public virtual long LatestChange() => inner.LatestChange();

    public virtual IdempotencyRecord? GetIdempotency(string scope, string key) => inner.GetIdempotency(scope, key);

    public virtual void InsertIdempotency(IdempotencyRecord record) => inner.InsertIdempotency(record);

    public virtual void DeleteIdempotency(string scope, string key) => inner.DeleteIdempotency(scope, key);

    public virtual int DeleteIdempotencyBefore(DateTimeOffset cutoff, int limit) => inner.DeleteIdempotencyBefore(cutoff, limit);

    public virtual long AppendLedgerEntry(byte[] entry, byte[] leafHash) => inner.AppendLedgerEntry(entry, leafHash);

    public virtual long LedgerEntryCount() => inner.LedgerEntryCount();

    public virtual IReadOnlyList<byte[]> ReadLedgerEntries(long from, int count) => inner.ReadLedgerEntries(from, count);

    public virtual IReadOnlyList<StoredLeaf> ReadLedgerLeaves(long from, int count) => inner.ReadLedgerLeaves(from, count);

    public virtual byte[]? GetTile(int level, long index) => inner.GetTile(level, index);

    public virtual void PutTile(int level, long index, byte[] data) => inner.PutTile(level, index, data);

    public virtual StoredCheckpoint? GetLatestCheckpoint() => inner.GetLatestCheckpoint();

    public virtual void InsertCheckpoint(StoredCheckpoint checkpoint) => inner.InsertCheckpoint(checkpoint);
}
