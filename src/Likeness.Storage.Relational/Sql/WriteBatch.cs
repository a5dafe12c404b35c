using System.Data.Common;
using Likeness.Application.Ports;
using Likeness.Storage.Relational.Rows;

namespace Likeness.Storage.Relational.Sql;

/// <summary>
/// The writer's transaction, seen as a batch of commands: writes wait in memory while <see cref="Deferring"/> and reach
/// the database with the next read or at <see cref="Flush"/>; a command that fails has its writes dropped from memory,
/// or rolled back to a savepoint taken lazily if some had to leave early. It also keeps the write epoch (which tells
/// whether another writer committed since this one's last batch) and the ledger's next index within the transaction.
/// </summary>
internal sealed class WriteBatch(SqlRunner runner, Dialect dialect) : ISql
{
    private readonly List<PendingWrite> _pending = [];
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private long _committedEpoch = -1;
    private long _nextEpoch = -1;
    private int _commandMark = -1;
    private long? _ledgerMark;
    private bool _savepointOpen;

    /// <summary>Whether writes wait in memory (a batch's first, optimistic attempt).</summary>
    public bool Deferring { get; private set; }

    /// <summary>
    /// The ledger's next index in this transaction, once known. INVARIANT: within one write transaction this writer is
    /// the only writer of the ledger (one writer thread per node; on PostgreSQL the batch holds the cluster-wide lock).
    /// </summary>
    public long? NextLedgerIndex { get; set; }

    /// <summary>The open transaction; a new one forgets the ledger's next index.</summary>
    public DbTransaction? Transaction
    {
        get => runner.Transaction;
        set
        {
            runner.Transaction = value;
            NextLedgerIndex = null;
        }
    }

    public void Exec(string sql, params object?[] args)
    {
        if (Deferring)
        {
            // INVARIANT: args is the array of this call (params), never reused by the caller, so it can wait.
            _pending.Add(new PendingWrite(sql, args));
            return;
        }

        runner.Exec(sql, args);
    }

    public T Read<T>(string sql, object?[] args, Func<DbDataReader, T> consume)
    {
        if (_pending.Count == 0)
        {
            return runner.Read(sql, args, consume);
        }

        ProtectRunningCommand();
        return runner.SendThenRead(_pending, sql, args, consume);
    }

    /// <summary>
    /// Starts a batch whose writes are deferred: takes the write lock (if the provider has one), reads the write epoch and
    /// the ledger's size in the same round trip, bumps the epoch (sent with the batch) and reads, in one statement, which
    /// of the batch's idempotency keys the database already holds. Under the batch's lock nobody else records a key
    /// until the batch ends. <paramref name="epochs"/> is false until the schema exists.
    /// </summary>
    public DeferredStart BeginDeferred(string? lockStatement, bool epochs, IReadOnlyCollection<IdempotencyKey> keys)
    {
        Deferring = true;
        if (lockStatement is not null)
        {
            Exec(lockStatement);
        }

        if (!epochs)
        {
            _committedEpoch = _nextEpoch = -1;
            return new DeferredStart(false, []);
        }

        var (generation, writer, size) = Read(
            "SELECT e.generation, e.node, (SELECT COALESCE(MAX(idx) + 1, 0) FROM ledger_entries) FROM write_epoch e WHERE e.id = 1", [],
            r => r.Read() ? (r.GetInt64(0), r.GetString(1), r.GetInt64(2)) : throw new InvalidDataException("The write epoch is missing."));
        var unchanged = writer == _writerId && generation == _committedEpoch;
        NextLedgerIndex = size;
        _nextEpoch = generation + 1;
        Exec("UPDATE write_epoch SET generation = @p0, node = @p1 WHERE id = 1", _nextEpoch, _writerId);
        return new DeferredStart(unchanged, keys.Count == 0 ? [] : IdempotencyRows.Find(this, dialect, keys));
    }

    /// <summary>Starts a batch of commands sent at once: the epoch moves on without this writer.</summary>
    public void BeginOneByOne(string? lockStatement, bool epochs)
    {
        Deferring = false;
        _committedEpoch = -1;
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
        _ledgerMark = NextLedgerIndex;
        _savepointOpen = false;
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
            NextLedgerIndex = _ledgerMark;
        }

        _commandMark = -1;
        _savepointOpen = false;
    }

    /// <summary>Sends every waiting write.</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        ProtectRunningCommand();
        runner.Send(_pending);
    }

    /// <summary>The deferred batch committed: the store is as this writer left it, at the epoch it set.</summary>
    public void Committed()
    {
        _committedEpoch = _nextEpoch;
        Deferring = false;
    }

    /// <summary>Forgets the waiting writes (the batch is being rolled back) and what it knew of the store.</summary>
    public void Discard()
    {
        _pending.Clear();
        _committedEpoch = -1;
        _commandMark = -1;
        _savepointOpen = false;
        Deferring = false;
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
}

/// <summary>How a deferred batch began: whether the store is as this writer left it, and the batch's keys the database holds.</summary>
internal readonly record struct DeferredStart(bool StoreUnchanged, List<IdempotencyRecord> FoundKeys);
