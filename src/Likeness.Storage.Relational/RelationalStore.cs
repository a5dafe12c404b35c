using System.Data.Common;
using System.Threading.Channels;
using Likeness.Application.Operations;
using Likeness.Application.Ports;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational;

/// <summary>
/// The write path every SQL provider shares: one writer thread per node gathers the commands waiting at that
/// moment into one transaction (group commit) and completes each command's task only after the commit; a failed
/// command undoes only itself, a failed commit fails them all. Writes are deferred so that a batch costs few round
/// trips (see <see cref="WriteBatch"/>). Providers
/// say how to open connections and how a write batch and a read begin.
/// </summary>
public abstract class RelationalStore : IStore
{
    private const int MaxBatch = 512;

    // An unbounded channel with one reader: waiting for work is an await, never a spin (two cores are shared with
    // the request threads).
    private readonly Channel<IWork> _queue = Channel.CreateUnbounded<IWork>(new UnboundedChannelOptions { SingleReader = true });
    private Task _writer = Task.CompletedTask;

    // Set once the schema (and its write epoch) exists; until then batches keep nothing from one to the next.
    private volatile bool _schemaReady;

    protected RelationalStore(Dialect dialect) => Dialect = dialect;

    public Dialect Dialect { get; }

    /// <summary>Starts the writer; call at the end of the derived constructor.</summary>
    protected void StartWriter() => _writer = Task.Factory.StartNew(WriterLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>The writer's connection, opened once on the writer thread.</summary>
    protected abstract DbConnection OpenWriteConnection();

    /// <summary>
    /// A statement, returning no rows, that every write batch runs first: a lock that orders writers across nodes
    /// (null when one process owns the store).
    /// </summary>
    protected virtual string? BatchLockStatement => null;

    /// <summary>Begins a batch's transaction.</summary>
    protected abstract DbTransaction BeginBatch(DbConnection connection);

    /// <summary>Opens a connection for reads and begins a read-only snapshot transaction on it.</summary>
    protected abstract (DbConnection Connection, DbTransaction Transaction) BeginRead();

    public abstract Task<ISequencerLease?> TryAcquireSequencerAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public abstract IContentStore Content { get; }

    public Task<T> WriteAsync<T>(Func<IStoreSession, T> command, CancellationToken cancellationToken = default) =>
        WriteAsync(command, null, cancellationToken);

    public Task<T> WriteAsync<T>(Func<IStoreSession, T> command, IdempotencyKey? idempotencyKey, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var work = new Work<T>(command, idempotencyKey);
        return _queue.Writer.TryWrite(work) ? work.Task : throw new ObjectDisposedException(GetType().Name);
    }

    public Task<T> ReadAsync<T>(Func<IStoreSession, T> query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (connection, tx) = BeginRead();
        try
        {
            using var runner = new SqlRunner(connection, writable: false) { Transaction = tx };
            var result = query(new SqlSession(runner, Dialect));
            tx.Commit();
            return Task.FromResult(result);
        }
        finally
        {
            tx.Dispose();
            connection.Dispose();
        }
    }

    public Task<T> LookupAsync<T>(Func<IStoreSession, T> query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenLookup();
        using var runner = new SqlRunner(connection, writable: false);
        return Task.FromResult(query(new SqlSession(runner, Dialect)));
    }

    /// <summary>Opens a connection for a single-statement read, outside any explicit transaction.</summary>
    protected abstract DbConnection OpenLookup();

    public virtual async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await MigrateSchemaAsync(cancellationToken);
        _schemaReady = true;
    }

    private Task<int> MigrateSchemaAsync(CancellationToken cancellationToken) => WriteAsync(
        s =>
        {
            var session = (IRelationalSession)s;
            session.Exec("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)");
            var current = session.SchemaVersion();
            var migrations = Dialect.Migrations;
            for (var v = (int)current; v < migrations.Count; v++)
            {
                foreach (var statement in migrations[v].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    session.Exec(statement);
                }

                session.Exec("DELETE FROM schema_version");
                session.Exec("INSERT INTO schema_version(version) VALUES (@p0)", (long)v + 1);
            }

            return 0;
        },
        cancellationToken);

    private async Task WriterLoopAsync()
    {
        Writer? writer = null;
        var batch = new List<IWork>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var more))
            {
                batch.Add(more);
            }

            LikenessMetrics.RecordWriterBatch(batch.Count);

            try
            {
                writer ??= new Writer(OpenWriteConnection(), Dialect);
                RunBatch(writer, batch);
                AfterBatch(writer.Connection);
            }
#pragma warning disable CA1031 // A broken connection fails this batch; the next batch opens a new one.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var w in batch)
                {
                    w.Fail(e);
                }

                writer?.Dispose();
                writer = null;
            }

            batch.Clear();
        }

        writer?.Dispose();
    }

    private void RunBatch(Writer writer, List<IWork> batch)
    {
        if (!TryRunDeferred(writer, batch))
        {
            RunOneByOne(writer, batch);
        }
    }

    /// <summary>
    /// The fast path: every command runs with its writes deferred, so that they reach the database together with the
    /// next read (one round trip) and a command that fails before any of its writes left memory needs no savepoint.
    /// If the database refuses a statement, nobody can tell which command it belonged to: the whole batch is rolled
    /// back and <see cref="RunOneByOne"/> runs it again. Answers are given only after the commit.
    /// </summary>
    private bool TryRunDeferred(Writer writer, List<IWork> batch)
    {
        var failures = new Exception?[batch.Count];
        var committed = false;
        var session = writer.Cached;
        using (var tx = BeginBatch(writer.Connection))
        {
            writer.Batch.Transaction = tx;
            try
            {
                session.BeginBatch(BatchLockStatement, _schemaReady, KeysOf(batch));
                for (var i = 0; i < batch.Count; i++)
                {
                    session.BeginCommand();
                    try
                    {
                        batch[i].Execute(session);
                        session.EndCommand(succeeded: true);
                    }
#pragma warning disable CA1031 // The command's own exception goes back to its caller; the batch goes on.
                    catch (Exception e) when (e is not DbException)
#pragma warning restore CA1031
                    {
                        session.EndCommand(succeeded: false);
                        failures[i] = e;
                    }
                }

                session.Flush();
                tx.Commit();
                session.Committed();
                committed = true;
            }
            catch (DbException e) when (IsStatementError(e))
            {
                session.Forget();
                tx.Rollback();
                return false;
            }
            finally
            {
                if (!committed)
                {
                    session.Forget();
                }

                writer.Batch.Transaction = null;
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } e)
            {
                batch[i].Fail(e);
            }
            else
            {
                batch[i].Complete();
            }
        }

        return true;
    }

    /// <summary>The careful path: each command in its own savepoint with its writes sent at once, so a statement the
    /// database refuses fails only the command that wrote it. Nothing is remembered from or for other batches.</summary>
    private void RunOneByOne(Writer writer, List<IWork> batch)
    {
        var succeeded = new List<IWork>(batch.Count);
        var session = writer.Plain;
        using (var tx = BeginBatch(writer.Connection))
        {
            writer.Batch.Transaction = tx;
            try
            {
                writer.Cached.Forget();
                writer.Batch.BeginOneByOne(BatchLockStatement, _schemaReady);
                foreach (var work in batch)
                {
                    session.Exec("SAVEPOINT work");
                    try
                    {
                        work.Execute(session);
                        session.Exec("RELEASE SAVEPOINT work");
                        succeeded.Add(work);
                    }
#pragma warning disable CA1031 // The command's own exception goes back to its caller; the batch goes on.
                    catch (Exception e) when (e is not DbException || IsStatementError(e))
#pragma warning restore CA1031
                    {
                        session.Exec("ROLLBACK TO SAVEPOINT work");
                        writer.Batch.NextLedgerIndex = null;
                        session.Exec("RELEASE SAVEPOINT work");
                        work.Fail(e);
                    }
                }

                tx.Commit();
            }
            finally
            {
                writer.Batch.Transaction = null;
            }
        }

        foreach (var w in succeeded)
        {
            w.Complete();
        }
    }

    /// <summary>
    /// Called on the writer after a batch committed and its answers were given, before the next batch begins, with the
    /// writer's connection: upkeep on the write path, paid for by nobody's answer in particular.
    /// </summary>
    protected virtual void AfterBatch(DbConnection connection)
    {
    }

    /// <summary>Whether a database error concerns only the statement (a constraint) rather than the connection.</summary>
    protected virtual bool IsStatementError(Exception e) => true;

    public virtual async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        GC.SuppressFinalize(this);
    }

    /// <summary>The idempotency keys the batch's commands will look up, each once.</summary>
    private static IReadOnlyCollection<IdempotencyKey> KeysOf(List<IWork> batch)
    {
        HashSet<IdempotencyKey>? keys = null;
        foreach (var w in batch)
        {
            if (w.Key is { } k)
            {
                (keys ??= []).Add(k);
            }
        }

        return keys ?? (IReadOnlyCollection<IdempotencyKey>)[];
    }

    private interface IWork
    {
        IdempotencyKey? Key { get; }

        void Execute(IStoreSession session);

        void Complete();

        void Fail(Exception e);
    }

    private sealed class Work<T>(Func<IStoreSession, T> command, IdempotencyKey? key) : IWork
    {
        public IdempotencyKey? Key => key;

        private readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _tcs.Task;

        public void Execute(IStoreSession session) => _result = command(session);

        public void Complete() => _tcs.TrySetResult(_result!);

        public void Fail(Exception e) => _tcs.TrySetException(e);
    }

    /// <summary>The writer's connection and the layers over it: plumbing, the batch, the plain and the caching session.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqlRunner _runner;

        public Writer(DbConnection connection, Dialect dialect)
        {
            Connection = connection;
            _runner = new SqlRunner(connection, writable: true);
            Batch = new WriteBatch(_runner, dialect);
            Plain = new SqlSession(Batch, dialect, Batch);
            Cached = new WriterSession(Plain, Batch);
        }

        public DbConnection Connection { get; }

        public WriteBatch Batch { get; }

        public SqlSession Plain { get; }

        public WriterSession Cached { get; }

        public void Dispose()
        {
            _runner.Dispose();
            Connection.Dispose();
        }
    }
}
