using System.Globalization;
using Likeness.Application.Common;
using Likeness.Storage.Relational.Codecs;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using System.Data.Common;

namespace Likeness.Storage.Relational;

/// <summary>
/// The SQL behind <see cref="IStoreSession"/>, written once for every provider (standard SQL, <c>@p</c> parameters,
/// CAST for typed nulls), on one connection and its open transaction; a <see cref="Dialect"/> supplies the few
/// provider-specific fragments. Commands are prepared once per session.
/// </summary>
public sealed class SqlSession(DbConnection connection, Dialect dialect, bool writable) : IStoreSession, IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    private readonly List<PendingWrite> _pending = [];
    private readonly WriterCache _cache = new();
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private long _nextEpoch = -1;
    private readonly Dictionary<string, SplitsRecord?> _writeTransactionSplits = new(StringComparer.Ordinal);

    private long? _nextLedgerIndex;
    private DbTransaction? _transaction;
    private int _commandMark = -1;
    private long? _ledgerMark;
    private bool _savepointOpen;

    /// <summary>The open transaction; a new one forgets what the session remembered of the last.</summary>
    public DbTransaction? Transaction
    {
        get => _transaction;
        set
        {
            _transaction = value;
            _nextLedgerIndex = null;
            _writeTransactionSplits.Clear();
        }
    }

    /// <summary>Forgets what the session remembered within the transaction (after a rollback to a savepoint).</summary>
    public void ForgetRemembered()
    {
        _nextLedgerIndex = null;
        _writeTransactionSplits.Clear();
    }

    public string? GetSetting(string name) => Scalar<string>("SELECT value FROM settings WHERE name = @p0", name);

    public void SetSetting(string name, string value) =>
        Exec("INSERT INTO settings(name, value) VALUES (@p0, @p1) ON CONFLICT(name) DO UPDATE SET value = excluded.value", name, value);

    public void InsertParty(PartyRecord p, string apiKeyHash) =>
        Exec("INSERT INTO parties(id, kind, name, represents, created_at, died_on, key_hash) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6)",
            p.Id, Vocabulary<PartyKind>.Name(p.Kind), p.Name, Json.Serialize(p.Represents), p.CreatedAt.UtcTicks, DateText(p.DiedOn), apiKeyHash);

    private const string PartyColumns = "id, kind, name, represents, created_at, died_on";

    public PartyRecord? GetParty(string id) => One($"SELECT {PartyColumns} FROM parties WHERE id = @p0", ReadParty, id);

    public PartyRecord? GetPartyByKeyHash(string h) => One($"SELECT {PartyColumns} FROM parties WHERE key_hash = @p0", ReadParty, h);

    public void SetDeath(string performerId, DateOnly diedOn) =>
        Exec("UPDATE parties SET died_on = @p1, died_at = @p2 WHERE id = @p0", performerId, DateText(diedOn), new DateTimeOffset(diedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).UtcTicks);

    private static PartyRecord ReadParty(DbDataReader r) => new(
        r.GetString(0), Enum<PartyKind>(r.GetString(1)), r.GetString(2), Json.DeserializeStored<string[]>(r.GetString(3)), Time(r.GetInt64(4)),
        r.IsDBNull(5) ? null : DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void InsertAsset(AssetRecord a) =>
        Exec("INSERT INTO assets(id, performer_id, name, modality, tier, sha256, size_bytes, provenance, created_at) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8)",
            a.Id, a.PerformerId, a.Name, Vocabulary<Modality>.Name(a.Modality), Vocabulary<Tier>.Name(a.Tier), a.Sha256, a.SizeBytes, Json.Serialize(a.Provenance), a.CreatedAt.UtcTicks);

    public IReadOnlyList<AssetRecord> ListAssets(string performerId) =>
        Many("SELECT id, performer_id, name, modality, tier, sha256, size_bytes, provenance, created_at FROM assets WHERE performer_id = @p0 ORDER BY created_at, id",
            r => new AssetRecord(r.GetString(0), r.GetString(1), r.GetString(2), Enum<Modality>(r.GetString(3)), Enum<Tier>(r.GetString(4)),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetInt64(6), Json.DeserializeStored<ProvenanceItem[]>(r.GetString(7)), Time(r.GetInt64(8))),
            performerId);

    public void InsertConsentVersion(ConsentVersionRecord v) =>
        Exec("INSERT INTO consent_versions(performer_id, version, policy, created_at, ledger_index) VALUES (@p0,@p1,@p2,@p3,@p4)",
            v.PerformerId, v.Version, v.PolicyJson, v.CreatedAt.UtcTicks, v.LedgerIndex);

    public ConsentVersionRecord? GetCurrentConsent(string performerId) =>
        One("SELECT performer_id, version, policy, created_at, ledger_index FROM consent_versions WHERE performer_id = @p0 ORDER BY version DESC LIMIT 1",
            r => new ConsentVersionRecord(r.GetString(0), (int)r.GetInt64(1), r.GetString(2), Time(r.GetInt64(3)), r.GetInt64(4)), performerId);

    public void InsertRequest(LicenseRequestRecord q) =>
        Exec("INSERT INTO license_requests(id, performer_id, studio_id, status, terms, conflicts, counter_terms, note, license_id, created_at, updated_at, ledger_index) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11)",
            q.Id, q.PerformerId, q.StudioId, Vocabulary<RequestStatus>.Name(q.Status), TermsCodec.Encode(q.Terms), q.ConflictsJson,
            q.CounterTerms is null ? null : TermsCodec.Encode(q.CounterTerms), q.Note, q.LicenseId, q.CreatedAt.UtcTicks, q.UpdatedAt.UtcTicks, q.LedgerIndex);

    public void UpdateRequest(LicenseRequestRecord q) =>
        Exec("UPDATE license_requests SET status=@p1, counter_terms=@p2, note=@p3, license_id=@p4, updated_at=@p5, ledger_index=@p6 WHERE id=@p0",
            q.Id, Vocabulary<RequestStatus>.Name(q.Status), q.CounterTerms is null ? null : TermsCodec.Encode(q.CounterTerms), q.Note, q.LicenseId, q.UpdatedAt.UtcTicks, q.LedgerIndex);

    public LicenseRequestRecord? GetRequest(string id) =>
        One("SELECT id, performer_id, studio_id, status, terms, conflicts, counter_terms, note, license_id, created_at, updated_at, ledger_index FROM license_requests WHERE id = @p0",
            r => new LicenseRequestRecord(r.GetString(0), r.GetString(1), r.GetString(2), Enum<RequestStatus>(r.GetString(3)), TermsCodec.Decode(r.GetString(4)),
                r.GetString(5), r.IsDBNull(6) ? null : TermsCodec.Decode(r.GetString(6)), r.IsDBNull(7) ? null : r.GetString(7),
                r.IsDBNull(8) ? null : r.GetString(8), Time(r.GetInt64(9)), Time(r.GetInt64(10)), r.GetInt64(11)), id);

    public void InsertLicense(LicenseRecord l)
    {
        _cache.Budgets.Forget(l.Id);
        Exec("INSERT INTO licenses(id, request_id, performer_id, studio_id, terms, stored_status, revocation_effective_at, approved_at, estate_confirmed, consent_version, token, attestation, ledger_index, term_end, rate_override) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14)",
            l.Id, l.RequestId, l.PerformerId, l.StudioId, TermsCodec.Encode(l.Terms), Vocabulary<LicenseStatus>.Name(l.StoredStatus), l.RevocationEffectiveAt?.UtcTicks,
            l.ApprovedAt.UtcTicks, l.EstateConfirmed ? 1 : 0, l.ConsentVersion, l.Token, l.Attestation, l.LedgerIndex, l.Terms.TermEnd.UtcTicks, l.RateOverride ? 1 : 0);
        for (var i = 0; i < l.Terms.Uses.Count; i++)
        {
            Exec("INSERT INTO license_budgets(license_id, use_index) VALUES (@p0, @p1)", l.Id, i);
        }
    }

    public void UpdateLicense(LicenseRecord l) =>
        Exec("UPDATE licenses SET stored_status=@p1, revocation_effective_at=@p2, estate_confirmed=@p3 WHERE id=@p0",
            l.Id, Vocabulary<LicenseStatus>.Name(l.StoredStatus), l.RevocationEffectiveAt?.UtcTicks, l.EstateConfirmed ? 1 : 0);

    private const string LicenseColumns = "id, request_id, performer_id, studio_id, terms, stored_status, revocation_effective_at, approved_at, estate_confirmed, consent_version, token, attestation, ledger_index, rate_override";

    public LicenseRecord? GetLicense(string id) => One($"SELECT {LicenseColumns} FROM licenses WHERE id = @p0", ReadLicense, id);

    public IReadOnlyList<LicenseRecord> ListLicensesEndingIn(DateTimeOffset from, DateTimeOffset to) =>
        Many($"SELECT {LicenseColumns} FROM licenses WHERE term_end >= @p0 AND term_end < @p1 ORDER BY id", ReadLicense, from.UtcTicks, to.UtcTicks);

    public IReadOnlyList<LicenseRecord> ListUnrecordedExpiries(DateTimeOffset now, int limit) =>
        Many($"SELECT {LicenseColumns} FROM licenses WHERE expiry_recorded = 0 AND term_end <= @p0 ORDER BY term_end LIMIT @p1", ReadLicense, now.UtcTicks, limit);

    public void MarkExpiryRecorded(string licenseId) => Exec("UPDATE licenses SET expiry_recorded = 1 WHERE id = @p0", licenseId);

    public IReadOnlyList<LicenseRecord> ListLicensesOfPerformer(string performerId) =>
        Many($"SELECT {LicenseColumns} FROM licenses WHERE performer_id = @p0 ORDER BY approved_at", ReadLicense, performerId);

    private static LicenseRecord ReadLicense(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), TermsCodec.Decode(r.GetString(4)), Enum<LicenseStatus>(r.GetString(5)),
        r.IsDBNull(6) ? null : Time(r.GetInt64(6)), Time(r.GetInt64(7)), r.GetInt64(8) != 0, (int)r.GetInt64(9), r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11), r.GetInt64(12), r.GetInt64(13) != 0);

    public IReadOnlyList<UseBudgetRecord> GetBudgets(string licenseId)
    {
        if (DeferWrites && _cache.Budgets.TryGet(licenseId) is { } known)
        {
            return known;
        }

        var stored = Many("SELECT use_index, seconds_used, seconds_reserved, renders_used, renders_reserved FROM license_budgets WHERE license_id = @p0 ORDER BY use_index",
            r => new UseBudgetRecord((int)r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)), licenseId);
        return DeferWrites ? _cache.Budgets.Remember(licenseId, stored) : stored;
    }

    public void AdjustBudget(string licenseId, int useIndex, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta)
    {
        if (DeferWrites)
        {
            _cache.Budgets.Adjust(licenseId, useIndex, new BudgetDelta(secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta));
            return;
        }

        SendBudgetChange(licenseId, useIndex, secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta);
    }

    private void SendBudgetChange(string licenseId, int useIndex, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) =>
        Exec("UPDATE license_budgets SET seconds_used = seconds_used + @p2, seconds_reserved = seconds_reserved + @p3, renders_used = renders_used + @p4, renders_reserved = renders_reserved + @p5 WHERE license_id = @p0 AND use_index = @p1",
            licenseId, useIndex, secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta);

    private const string RenderColumns = "id, license_id, studio_id, performer_id, use_index, status, request, requested_ms, reserved_ms, actual_ms, output_sha256, obligations, created_at, expires_at, settled_at, ledger_index, factor_e12, split_version";

    public void InsertRender(RenderRecord x)
    {
        if (DeferWrites)
        {
            _cache.Remember(x);
        }

        Exec($"INSERT INTO renders({RenderColumns}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10,@p11,@p12,@p13,@p14,@p15,@p16,@p17)",
            x.Id, x.LicenseId, x.StudioId, x.PerformerId, x.UseIndex, Vocabulary<RenderStatus>.Name(x.Status), x.RequestJson, x.RequestedMillis, x.ReservedMillis,
            x.ActualMillis, x.OutputSha256, x.ObligationsJson, x.CreatedAt.UtcTicks, x.ExpiresAt?.UtcTicks, x.SettledAt?.UtcTicks, x.LedgerIndex, x.FactorE12, x.SplitVersion);
    }

    public void UpdateRender(RenderRecord x)
    {
        if (DeferWrites)
        {
            _cache.Remember(x);
        }

        Exec("UPDATE renders SET use_index=@p1, status=@p2, reserved_ms=@p3, actual_ms=@p4, output_sha256=@p5, obligations=@p6, expires_at=@p7, settled_at=@p8, ledger_index=@p9, factor_e12=@p10, split_version=@p11 WHERE id=@p0",
            x.Id, x.UseIndex, Vocabulary<RenderStatus>.Name(x.Status), x.ReservedMillis, x.ActualMillis, x.OutputSha256, x.ObligationsJson, x.ExpiresAt?.UtcTicks, x.SettledAt?.UtcTicks, x.LedgerIndex, x.FactorE12, x.SplitVersion);
    }

    public RenderRecord? GetRender(string id)
    {
        if (DeferWrites && _cache.Render(id) is { } known)
        {
            return known;
        }

        var found = One($"SELECT {RenderColumns} FROM renders WHERE id = @p0", ReadRender, id);
        if (DeferWrites && found is not null)
        {
            _cache.Remember(found);
        }

        return found;
    }

    public IReadOnlyList<RenderRecord> ListExpiredReservations(DateTimeOffset now, string? licenseId, int limit) =>
        Many($"SELECT {RenderColumns} FROM renders WHERE status = 'authorized' AND expires_at <= @p0 AND (CAST(@p1 AS TEXT) IS NULL OR license_id = @p1) ORDER BY expires_at LIMIT @p2",
            ReadRender, now.UtcTicks, licenseId, limit);

    public IReadOnlyList<RenderRecord> ListUsage(string? licenseId, string? performerId, string? studioId, (DateTimeOffset At, string Id)? before, int limit) =>
        Many($"SELECT {RenderColumns} FROM renders WHERE status = 'completed' AND (CAST(@p0 AS TEXT) IS NULL OR license_id = @p0) AND (CAST(@p1 AS TEXT) IS NULL OR performer_id = @p1) AND (CAST(@p2 AS TEXT) IS NULL OR studio_id = @p2) " +
             "AND (CAST(@p3 AS BIGINT) IS NULL OR settled_at < @p3 OR (settled_at = @p3 AND id < CAST(@p4 AS TEXT))) ORDER BY settled_at DESC, id DESC LIMIT @p5",
            ReadRender, licenseId, performerId, studioId, before?.At.UtcTicks, before?.Id, limit);

    private static RenderRecord ReadRender(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), (int)r.GetInt64(4), Enum<RenderStatus>(r.GetString(5)), r.GetString(6),
        r.GetInt64(7), r.GetInt64(8), r.IsDBNull(9) ? null : r.GetInt64(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetString(11),
        Time(r.GetInt64(12)), r.IsDBNull(13) ? null : Time(r.GetInt64(13)), r.IsDBNull(14) ? null : Time(r.GetInt64(14)), r.GetInt64(15),
        r.GetInt64(16), (int)r.GetInt64(17));

    public void InsertSplits(SplitsRecord x)
    {
        _writeTransactionSplits.Remove(x.PerformerId);
        Exec("INSERT INTO splits(performer_id, version, body, created_at, ledger_index) VALUES (@p0,@p1,@p2,@p3,@p4)", x.PerformerId, x.Version, x.BodyJson, x.CreatedAt.UtcTicks, x.LedgerIndex);
    }

    public SplitsRecord? GetSplits(string performerId, int? version)
    {
        // The latest splits are asked for on every settlement; within one write transaction only this session can change them.
        if (version is null && _writeTransactionSplits.TryGetValue(performerId, out var known))
        {
            return known;
        }

        var found = One("SELECT performer_id, version, body, created_at, ledger_index FROM splits WHERE performer_id = @p0 AND (CAST(@p1 AS BIGINT) IS NULL OR version = @p1) ORDER BY version DESC LIMIT 1",
            r => new SplitsRecord(r.GetString(0), (int)r.GetInt64(1), r.GetString(2), Time(r.GetInt64(3)), r.GetInt64(4)), performerId, version);
        if (version is null && writable && _transaction is not null)
        {
            _writeTransactionSplits[performerId] = found;
        }

        return found;
    }

    public SplitsRecord? GetSplitsAt(string performerId, DateTimeOffset at) =>
        One("SELECT performer_id, version, body, created_at, ledger_index FROM splits WHERE performer_id = @p0 AND created_at <= @p1 ORDER BY version DESC LIMIT 1",
            r => new SplitsRecord(r.GetString(0), (int)r.GetInt64(1), r.GetString(2), Time(r.GetInt64(3)), r.GetInt64(4)), performerId, at.UtcTicks);

    public DateTimeOffset? EarliestSettlement()
    {
        var ticks = Scalar<long?>("SELECT MIN(settled_at) FROM renders WHERE status = 'completed'");
        return ticks is { } t ? Time(t) : null;
    }

    public void InsertRateTable(RateTableRecord x) =>
        Exec("INSERT INTO rate_tables(union_id, version, label, body, created_at, ledger_index) VALUES (@p0,@p1,@p2,@p3,@p4,@p5)", x.UnionId, x.Version, x.Label, x.BodyJson, x.CreatedAt.UtcTicks, x.LedgerIndex);

    public RateTableRecord? GetCurrentRateTable(string unionId) =>
        One("SELECT union_id, version, label, body, created_at, ledger_index FROM rate_tables WHERE union_id = @p0 ORDER BY version DESC LIMIT 1",
            r => new RateTableRecord(r.GetString(0), (int)r.GetInt64(1), r.GetString(2), r.GetString(3), Time(r.GetInt64(4)), r.GetInt64(5)), unionId);

    public IReadOnlyList<PartyRecord> ListUnionsOf(string performerId) =>
        Many($"SELECT {PartyColumns} FROM parties WHERE kind = 'union' AND {dialect.RepresentsContains("parties.represents", "@p0")} ORDER BY id", ReadParty, performerId);

    public IReadOnlyList<Domain.Royalties.UsageAggregate> AggregateUsage(DateTimeOffset? from, DateTimeOffset to, string? licenseId)
    {
        // One pass over the period's completed renders (an index-only scan), grouped without looking at deaths; then, for
        // the few performers who died, the renders after the death are moved into groups of their own.
        const string Columns = "license_id, use_index, factor_e12, split_version, performer_id, COUNT(*), SUM(actual_ms)";
        const string Group = "GROUP BY license_id, use_index, factor_e12, split_version, performer_id";
        var rows = licenseId is null
            ? Many($"SELECT {Columns} FROM renders {dialect.SettledIndexHint} WHERE status = 'completed' AND settled_at >= @p0 AND settled_at < @p1 {Group}", ReadGroup, from?.UtcTicks ?? 0, to.UtcTicks)
            : Many($"SELECT {Columns} FROM renders WHERE status = 'completed' AND license_id = @p2 AND settled_at >= @p0 AND settled_at < @p1 {Group}", ReadGroup, from?.UtcTicks ?? 0, to.UtcTicks, licenseId);
        var groups = rows.ToDictionary(r => (r.License, r.Use, r.Factor, r.Split, Deceased: false), r => (r.Performer, r.Renders, r.Millis));
        foreach (var (performer, diedAt) in Many("SELECT id, died_at FROM parties WHERE died_at IS NOT NULL AND died_at < @p0", r => (r.GetString(0), r.GetInt64(1)), to.UtcTicks))
        {
            var after = Many($"SELECT {Columns} FROM renders WHERE status = 'completed' AND performer_id = @p0 AND settled_at >= @p1 AND settled_at < @p2 AND (CAST(@p3 AS TEXT) IS NULL OR license_id = @p3) {Group}",
                ReadGroup, performer, Math.Max(from?.UtcTicks ?? 0, diedAt), to.UtcTicks, licenseId);
            foreach (var a in after)
            {
                var alive = groups[(a.License, a.Use, a.Factor, a.Split, false)];
                groups[(a.License, a.Use, a.Factor, a.Split, false)] = (performer, alive.Renders - a.Renders, alive.Millis - a.Millis);
                groups[(a.License, a.Use, a.Factor, a.Split, true)] = (performer, a.Renders, a.Millis);
            }
        }

        return groups.Where(g => g.Value.Renders > 0)
            .Select(g => new Domain.Royalties.UsageAggregate(g.Key.License, g.Key.Use, g.Key.Factor, g.Key.Split, g.Key.Deceased, g.Value.Renders, g.Value.Millis))
            .ToList();
    }

    private static (string License, int Use, long Factor, int Split, string Performer, long Renders, long Millis) ReadGroup(DbDataReader r) =>
        (r.GetString(0), (int)r.GetInt64(1), r.GetInt64(2), (int)r.GetInt64(3), r.GetString(4), r.GetInt64(5), r.GetInt64(6));

    public ClosedPeriodRecord? GetClosedPeriod(string period) =>
        One("SELECT period, closed_at, lines, sha256, ledger_index FROM closed_periods WHERE period = @p0", ReadClosed, period);

    public IReadOnlyList<ClosedPeriodRecord> ListClosedPeriods() =>
        Many("SELECT period, closed_at, lines, sha256, ledger_index FROM closed_periods ORDER BY period", ReadClosed);

    public void InsertClosedPeriod(ClosedPeriodRecord x) =>
        Exec("INSERT INTO closed_periods(period, closed_at, lines, sha256, ledger_index) VALUES (@p0,@p1,@p2,@p3,@p4)", x.Period, x.ClosedAt.UtcTicks, x.LinesJson, x.Sha256, x.LedgerIndex);

    private static ClosedPeriodRecord ReadClosed(DbDataReader r) => new(r.GetString(0), Time(r.GetInt64(1)), r.GetString(2), r.GetString(3), r.GetInt64(4));

    public IdempotencyRecord? GetIdempotency(string scope, string key)
    {
        // Writes deferred: the batch read its commands' keys from the database when it began (FindKeys), and a key
        // recorded since was recorded by this session (remembered). A command that did not declare its key is caught
        // by the primary key: the batch then runs again one command at a time, reading.
        if (DeferWrites && writable)
        {
            return _cache.Key(scope, key);
        }

        return One($"SELECT {IdempotencyColumns} FROM idempotency WHERE scope = @p0 AND key = @p1", ReadIdempotency, scope, key);
    }

    /// <summary>An idempotency record's columns, in the order <see cref="ReadIdempotency"/> reads them.</summary>
    private const string IdempotencyColumns = "scope, key, request_hash, status, body, created_at";

    private static IdempotencyRecord ReadIdempotency(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), (int)r.GetInt64(3), r.GetString(4), Time(r.GetInt64(5)));

    public void InsertIdempotency(IdempotencyRecord x)
    {
        if (DeferWrites)
        {
            _cache.Remember(x);
        }

        Exec("INSERT INTO idempotency(scope, key, request_hash, status, body, created_at) VALUES (@p0,@p1,@p2,@p3,@p4,@p5)",
            x.Scope, x.Key, x.RequestHash, x.Status, x.Body, x.CreatedAt.UtcTicks);
    }

    public long AppendLedgerEntry(byte[] entry, byte[] leafHash)
    {
        // INVARIANT: within one write transaction this session is the only writer of the ledger (one writer thread per
        // node; on PostgreSQL the batch holds the cluster-wide write lock), so the next index can be remembered.
        var index = _nextLedgerIndex ?? LedgerEntryCount();
        Exec("INSERT INTO ledger_entries(idx, data, leaf) VALUES (@p0, @p1, @p2)", index, entry, leafHash);
        _nextLedgerIndex = index + 1;
        return index;
    }

    public long LedgerEntryCount() => Scalar<long>("SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_entries");

    public IReadOnlyList<byte[]> ReadLedgerEntries(long from, int count) =>
        Many("SELECT data FROM ledger_entries WHERE idx >= @p0 AND idx < @p1 ORDER BY idx", r => (byte[])r.GetValue(0), from, from + count);

    public IReadOnlyList<StoredLeaf> ReadLedgerLeaves(long from, int count) =>
        Many("SELECT leaf, CASE WHEN leaf IS NULL THEN data END FROM ledger_entries WHERE idx >= @p0 AND idx < @p1 ORDER BY idx",
            r => new StoredLeaf(r.IsDBNull(0) ? null : (byte[])r.GetValue(0), r.IsDBNull(1) ? null : (byte[])r.GetValue(1)), from, from + count);

    public byte[]? GetTile(int level, long index) =>
        One("SELECT data FROM ledger_tiles WHERE level = @p0 AND idx = @p1", r => (byte[])r.GetValue(0), level, index);

    public void PutTile(int level, long index, byte[] data) =>
        Exec("INSERT INTO ledger_tiles(level, idx, data) VALUES (@p0, @p1, @p2) ON CONFLICT(level, idx) DO UPDATE SET data = excluded.data", level, index, data);

    public StoredCheckpoint? GetLatestCheckpoint() =>
        One("SELECT size, root, note, at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1",
            r => new StoredCheckpoint(r.GetInt64(0), (byte[])r.GetValue(1), r.GetString(2), Time(r.GetInt64(3))));

    public void InsertCheckpoint(StoredCheckpoint c) =>
        Exec("INSERT INTO ledger_checkpoints(size, root, note, at) VALUES (@p0, @p1, @p2, @p3)", c.Size, c.Root, c.Note, c.At.UtcTicks);

    /// <summary>The applied schema version (0 for an empty store).</summary>
    public long SchemaVersion() => Scalar<long>("SELECT COALESCE(MAX(version), 0) FROM schema_version");

    public void RecordChange(string kind, string id) => Exec("INSERT INTO changes(kind, id) VALUES (@p0, @p1)", kind, id);

    public IReadOnlyList<StoreChange> ReadChanges(long after, int limit) =>
        Many("SELECT seq, kind, id FROM changes WHERE seq > @p0 ORDER BY seq LIMIT @p1", r => new StoreChange(r.GetInt64(0), r.GetString(1), r.GetString(2)), after, limit);

    public long LatestChange() => Scalar<long>("SELECT COALESCE(MAX(seq), 0) FROM changes");

    // ---- plumbing ----

    /// <summary>
    /// Whether writes wait in memory until the next read or <see cref="Flush"/> (set by the store for a batch's first,
    /// optimistic attempt). On a provider that batches statements the waiting writes and the read that follows them go
    /// to the database in one round trip.
    /// </summary>
    public bool DeferWrites { get; set; }

    /// <summary>
    /// Starts a batch whose writes are deferred: takes the write lock (if the provider has one), reads the write epoch and
    /// the ledger's size in the same round trip, forgets what the cache knows if another writer committed since this
    /// session's last batch, and bumps the epoch (sent with the batch). <paramref name="epochs"/> is false until the
    /// schema exists.
    /// </summary>
    public void BeginDeferredBatch(string? lockStatement, bool epochs, IReadOnlyCollection<StoreKey> keys)
    {
        if (lockStatement is not null)
        {
            Exec(lockStatement);
        }

        if (!epochs)
        {
            _cache.Forget();
            _nextEpoch = -1;
            return;
        }

        var (generation, writer, size) = Read(
            "SELECT e.generation, e.node, (SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_entries) FROM write_epoch e WHERE e.id = 1", [],
            r => r.Read() ? (r.GetInt64(0), r.GetString(1), r.GetInt64(2)) : throw new InvalidDataException("The write epoch is missing."));
        _cache.StartBatch(storeUnchanged: writer == _writerId && generation == _cache.Epoch);
        _nextLedgerIndex = size;
        _nextEpoch = generation + 1;
        Exec("UPDATE write_epoch SET generation = @p0, node = @p1 WHERE id = 1", _nextEpoch, _writerId);
        FindKeys(keys);
    }

    /// <summary>
    /// Reads, in one statement, which of the batch's idempotency keys the database already holds, so that every
    /// command's lookup of its key is answered from memory. Under the batch's lock (one writer per store on
    /// SQLite, the cluster-wide lock on PostgreSQL) nobody else records a key until the batch ends.
    /// </summary>
    private void FindKeys(IReadOnlyCollection<StoreKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        if (dialect.IdempotencyFromArrays is { } fromArrays)
        {
            Read($"SELECT {IdempotencyColumns} FROM {fromArrays}", [keys.Select(k => k.Scope).ToArray(), keys.Select(k => k.Key).ToArray()], FoundKeys);
        }
        else
        {
            Read(FindKeysSql(Slots(keys.Count)), KeysAsRows(keys), FoundKeys);
        }
    }

    private int FoundKeys(DbDataReader r)
    {
        var n = 0;
        for (; r.Read(); n++)
        {
            _cache.Found(ReadIdempotency(r));
        }

        return n;
    }

    // The statement's size is rounded up to a power of two (the last key repeated), so that a few prepared statements
    // serve every batch.
    private static int Slots(int keys) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys);

    private static object?[] KeysAsRows(IReadOnlyCollection<StoreKey> keys)
    {
        var slots = Slots(keys.Count);
        var args = new object?[slots * 2];
        var i = 0;
        StoreKey last = default;
        foreach (var k in keys)
        {
            args[i++] = k.Scope;
            args[i++] = k.Key;
            last = k;
        }

        for (; i < args.Length; i += 2)
        {
            args[i] = last.Scope;
            args[i + 1] = last.Key;
        }

        return args;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> FindKeysStatements = new();

    private static string FindKeysSql(int slots) => FindKeysStatements.GetOrAdd(slots, n =>
    {
        var sql = new System.Text.StringBuilder($"SELECT {IdempotencyColumns} FROM idempotency WHERE (scope, key) IN (");
        for (var j = 0; j < n; j++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(j == 0 ? "" : ",")}(@p{2 * j},@p{(2 * j) + 1})");
        }

        return sql.Append(')').ToString();
    });

    /// <summary>The deferred batch committed: the cache now describes the store as this session left it.</summary>
    public void CommittedDeferredBatch() => _cache.Epoch = _nextEpoch;

    /// <summary>Starts a batch of commands sent at once: the cache is not used and the epoch moves on without this session.</summary>
    public void BeginOneByOneBatch(string? lockStatement, bool epochs)
    {
        _cache.Forget();
        if (lockStatement is not null)
        {
            Exec(lockStatement);
        }

        if (epochs)
        {
            Exec("UPDATE write_epoch SET generation = generation + 1, node = '' WHERE id = 1");
        }
    }

    /// <summary>Marks the start of one command of a batch: a failed command's writes are undone up to here.</summary>
    public void BeginCommand()
    {
        _commandMark = _pending.Count;
        _ledgerMark = _nextLedgerIndex;
        _savepointOpen = false;
        _cache.BeginCommand();
    }

    /// <summary>
    /// Marks the end of the command begun last. A failed command's writes are dropped if none reached the database yet,
    /// or rolled back to the savepoint that was taken lazily when the first of them had to be sent.
    /// </summary>
    public void EndCommand(bool succeeded)
    {
        if (_savepointOpen)
        {
            if (!succeeded)
            {
                _pending.Add(new PendingWrite("ROLLBACK TO SAVEPOINT work", []));
            }

            _pending.Add(new PendingWrite("RELEASE SAVEPOINT work", []));
        }
        else if (!succeeded)
        {
            _pending.RemoveRange(_commandMark, _pending.Count - _commandMark);
        }

        if (!succeeded)
        {
            _nextLedgerIndex = _ledgerMark;
            _cache.UndoCommand();
            _writeTransactionSplits.Clear();
        }

        _commandMark = -1;
        _savepointOpen = false;
    }

    /// <summary>Sends every waiting write.</summary>
    public void Flush()
    {
        foreach (var (license, use, d) in _cache.Budgets.TakeUnsent())
        {
            SendBudgetChange(license, use, d.SecondsUsed, d.SecondsReserved, d.RendersUsed, d.RendersReserved);
        }

        if (_pending.Count == 0)
        {
            return;
        }

        ProtectRunningCommand();
        if (connection.CanCreateBatch)
        {
            using var batch = Batch(null, []);
            batch.ExecuteNonQuery();
        }
        else
        {
            FlushOneByOne();
        }
    }

    /// <summary>Forgets the waiting writes (the batch is being rolled back).</summary>
    public void DiscardPending()
    {
        _pending.Clear();
        _cache.Forget();
        _writeTransactionSplits.Clear();
        _commandMark = -1;
        _savepointOpen = false;
    }

    public void Exec(string sql, params object?[] args)
    {
        if (!writable)
        {
            throw new InvalidOperationException("A read session cannot write.");
        }

        if (DeferWrites)
        {
            // INVARIANT: args is the array of this call (params), never reused by the caller, so it can wait.
            _pending.Add(new PendingWrite(sql, args));
            return;
        }

        Command(sql, args).ExecuteNonQuery();
    }

    private T? Scalar<T>(string sql, params object?[] args)
    {
        var v = Read(sql, args, r => r.Read() ? r.GetValue(0) : null);
        return v is null or DBNull ? default : (T)Convert.ChangeType(v, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    private T? One<T>(string sql, Func<DbDataReader, T> map, params object?[] args)
        where T : class =>
        Read(sql, args, r => r.Read() ? map(r) : null);

    private List<T> Many<T>(string sql, Func<DbDataReader, T> map, params object?[] args) =>
        Read(sql, args, r =>
        {
            var list = new List<T>();
            while (r.Read())
            {
                list.Add(map(r));
            }

            return list;
        });

    /// <summary>Runs a query after the writes waiting before it, in the same round trip where the provider allows.</summary>
    private T Read<T>(string sql, object?[] args, Func<DbDataReader, T> consume)
    {
        if (_pending.Count == 0)
        {
            using var reader = Command(sql, args).ExecuteReader();
            return consume(reader);
        }

        ProtectRunningCommand();
        if (connection.CanCreateBatch)
        {
            using var batch = Batch(sql, args);
            using var reader = batch.ExecuteReader();
            return consume(reader);
        }

        FlushOneByOne();
        using var r = Command(sql, args).ExecuteReader();
        return consume(r);
    }

    /// <summary>
    /// Before writes of the running command leave memory, takes a savepoint in front of them, so that the command can
    /// still fail alone.
    /// </summary>
    private void ProtectRunningCommand()
    {
        if (_commandMark >= 0 && !_savepointOpen && _pending.Count > _commandMark)
        {
            _pending.Insert(_commandMark, new PendingWrite("SAVEPOINT work", []));
            _savepointOpen = true;
        }

        if (_commandMark >= 0)
        {
            _commandMark = 0;
        }
    }

    private void FlushOneByOne()
    {
        foreach (var w in _pending)
        {
            Command(w.Sql, w.Args).ExecuteNonQuery();
        }

        _pending.Clear();
    }

    /// <summary>The waiting writes, then the query if there is one, as one batch; the waiting writes are taken.</summary>
    private DbBatch Batch(string? query, object?[] queryArgs)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = Transaction;
        foreach (var w in _pending)
        {
            batch.BatchCommands.Add(BatchCommand(batch, w.Sql, w.Args));
        }

        if (query is not null)
        {
            batch.BatchCommands.Add(BatchCommand(batch, query, queryArgs));
        }

        _pending.Clear();
        return batch;
    }

    private static DbBatchCommand BatchCommand(DbBatch batch, string sql, object?[] args)
    {
        var c = batch.CreateBatchCommand();
        c.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = c.CreateParameter();
            parameter.ParameterName = ParameterNames[i];
            parameter.Value = Value(args[i]);
            c.Parameters.Add(parameter);
        }

        return c;
    }

    // Named with their prefix: Microsoft.Data.Sqlite then binds each with one lookup instead of trying every prefix.
    // Up to two for each key a batch of 512 commands looks up at once (FindKeys).
    private static readonly string[] ParameterNames = Enumerable.Range(0, 1024).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private DbCommand Command(string sql, object?[] args)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = cmd.CreateParameter();
                parameter.ParameterName = ParameterNames[i];
                cmd.Parameters.Add(parameter);
            }

            _commands[sql] = cmd;
        }

        cmd.Transaction = Transaction;
        for (var i = 0; i < args.Length; i++)
        {
            cmd.Parameters[i].Value = Value(args[i]);
        }

        return cmd;
    }

    /// <summary>
    /// A parameter's value as sent: every integer column is BIGINT, so an <see cref="int"/> goes as a <see cref="long"/>.
    /// INVARIANT: a statement the database prepared once is always sent the same types (a prepared statement whose
    /// parameter was inferred as BIGINT cannot take a 4-byte integer).
    /// </summary>
    private static object Value(object? v) => v switch
    {
        null => DBNull.Value,
        int i => (long)i,
        _ => v,
    };

    private readonly record struct PendingWrite(string Sql, object?[] Args);

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static string? DateText(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Enum<T>(string s)
        where T : struct, Enum =>
        Vocabulary<T>.TryParse(s, out var v) ? v : throw new InvalidDataException($"Unknown stored value '{s}'.");

    public void Dispose()
    {
        foreach (var c in _commands.Values)
        {
            c.Dispose();
        }

        _commands.Clear();
    }
}
