using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational;

/// <summary>
/// The writer's session while its writes are deferred: <see cref="SqlSession"/> with <see cref="WriterCache"/> in front
/// of the few calls of the render path (budgets, cap counters, current consent versions, renders in flight, the batch's
/// idempotency keys) and, within one
/// transaction, the performers' latest splits (asked for on every settlement). The render path then reads nothing inside
/// the writer but what the batch reads once when it begins (<see cref="Sql.WriteBatch.BeginDeferred"/>: the write epoch,
/// the ledger's size and the batch's keys). Budget and cap counter changes wait here and are sent, summed, when the batch is
/// flushed.
/// </summary>
internal sealed class WriterSession(SqlSession inner, WriteBatch batch) : DelegatingSession(inner), IRelationalSession
{
    private readonly WriterCache _cache = new();
    private readonly Dictionary<string, SplitsRecord?> _splits = new(StringComparer.Ordinal);

    public void Exec(string statement, params object?[] args) => inner.Exec(statement, args);

    public long SchemaVersion() => inner.SchemaVersion();

    public long CountRows(string table) => inner.CountRows(table);

    /// <summary>Begins a deferred batch; what the cache knows survives only if no other writer committed since.</summary>
    public void BeginBatch(string? lockStatement, bool epochs, IReadOnlyCollection<IdempotencyKey> keys)
    {
        _splits.Clear();
        var start = batch.BeginDeferred(lockStatement, epochs, keys);
        _cache.StartBatch(start.StoreUnchanged);
        foreach (var k in start.FoundKeys)
        {
            _cache.Found(k);
        }
    }

    public void BeginCommand()
    {
        batch.BeginCommand();
        _cache.BeginCommand();
    }

    public void EndCommand(bool succeeded)
    {
        batch.EndCommand(succeeded);
        if (!succeeded)
        {
            _cache.UndoCommand();
            _splits.Clear();
        }
    }

    /// <summary>Sends the budget changes and every other waiting write.</summary>
    public void Flush()
    {
        foreach (var (license, use, d) in _cache.Budgets.TakeUnsent())
        {
            inner.AdjustBudget(license, use, d.SecondsUsed, d.SecondsReserved, d.RendersUsed, d.RendersReserved);
        }

        foreach (var (c, d) in _cache.Caps.TakeUnsent())
        {
            inner.AdjustCapCounter(c.Performer, c.Studio, c.Modality, c.Month, d.SecondsUsed, d.SecondsReserved, d.RendersUsed, d.RendersReserved);
        }

        batch.Flush();
    }

    public void Committed() => batch.Committed();

    /// <summary>The batch is rolled back (or will run one command at a time): everything remembered is forgotten.</summary>
    public void Forget()
    {
        batch.Discard();
        _cache.Forget();
        _splits.Clear();
    }

    public override void InsertLicense(LicenseRecord license)
    {
        _cache.Budgets.Forget(license.Id);
        inner.InsertLicense(license);
    }

    public override IReadOnlyList<UseBudgetRecord> GetBudgets(string licenseId) =>
        _cache.Budgets.TryGet(licenseId) ?? (IReadOnlyList<UseBudgetRecord>)_cache.Budgets.Remember(licenseId, inner.GetBudgets(licenseId));

    public override void AdjustBudget(string licenseId, int useIndex, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) =>
        _cache.Budgets.Adjust(licenseId, useIndex, new BudgetDelta(secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta));

    public override IReadOnlyList<CapCounter> GetCapCounters(string performerId, int fromMonth) =>
        _cache.Caps.TryGet(performerId, fromMonth) ?? _cache.Caps.Remember(performerId, fromMonth, inner.GetCapCounters(performerId, fromMonth));

    public override void AdjustCapCounter(string performerId, string studioId, Modality modality, int month, long secondsUsedDelta, long secondsReservedDelta, long rendersUsedDelta, long rendersReservedDelta) =>
        _cache.Caps.Adjust(performerId, studioId, modality, month, new BudgetDelta(secondsUsedDelta, secondsReservedDelta, rendersUsedDelta, rendersReservedDelta));

    // The writer decides every render on its performer's current consent (her caps bind at once, on every node); within the
    // write lock only this session writes one, and another writer's commit makes the batch forget what it read.
    public override ConsentVersionRecord? GetCurrentConsent(string performerId)
    {
        if (_cache.TryConsent(performerId, out var known))
        {
            return known;
        }

        var current = inner.GetCurrentConsent(performerId);
        _cache.Remember(performerId, current);
        return current;
    }

    public override void InsertConsentVersion(ConsentVersionRecord version)
    {
        _cache.ForgetConsent(version.PerformerId);
        inner.InsertConsentVersion(version);
    }

    public override void InsertRender(RenderRecord render)
    {
        _cache.Remember(render);
        inner.InsertRender(render);
    }

    public override void UpdateRender(RenderRecord render)
    {
        _cache.Remember(render);
        inner.UpdateRender(render);
    }

    public override RenderRecord? GetRender(string id)
    {
        if (_cache.Render(id) is { } known)
        {
            return known;
        }

        var found = inner.GetRender(id);
        if (found is not null)
        {
            _cache.Remember(found);
        }

        return found;
    }

    // The batch read its commands' keys from the database when it began, and a key recorded since was recorded by this
    // session (remembered). A command that did not declare its key is caught by the primary key: the batch then runs
    // again one command at a time, reading.
    public override IdempotencyRecord? GetIdempotency(string scope, string key) => _cache.Key(scope, key);

    public override void InsertIdempotency(IdempotencyRecord record)
    {
        _cache.Remember(record);
        inner.InsertIdempotency(record);
    }

    public override void DeleteIdempotency(string scope, string key)
    {
        _cache.Forget(scope, key);
        inner.DeleteIdempotency(scope, key);
    }

    public override void InsertSplits(SplitsRecord splits)
    {
        _splits.Remove(splits.PerformerId);
        inner.InsertSplits(splits);
    }

    // The latest splits are asked for on every settlement; within one write transaction only this session can change them.
    public override SplitsRecord? GetSplits(string performerId, int? version)
    {
        if (version is not null)
        {
            return inner.GetSplits(performerId, version);
        }

        if (!_splits.TryGetValue(performerId, out var known))
        {
            known = _splits[performerId] = inner.GetSplits(performerId, null);
        }

        return known;
    }
}
