using System.Collections.Concurrent;
using Likeness.Application.Ports;
using Microsoft.Data.Sqlite;

namespace Likeness.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. All writes go through one writer thread that gathers
/// the commands waiting at that moment into one transaction (group commit, <c>synchronous=FULL</c>), each
/// command in its own savepoint; a command's task completes only after the commit is on disk. Reads use
/// their own pooled connections and never wait for the writer.
/// </summary>
public sealed class SqliteStore : IStore
{
    private const int MaxBatch = 512;
    private readonly string _connectionString;
    private readonly BlockingCollection<IWork> _queue = new();
    private readonly Thread _writer;
    private readonly SqliteConnection _writeConnection;
    private readonly SqliteSession _writeSession;

    public SqliteStore(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writeConnection = Open();
        Pragma(_writeConnection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;");
        _writeSession = new SqliteSession(_writeConnection, writable: true);
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "likeness-sqlite-writer" };
        _writer.Start();
    }

    public Task<T> WriteAsync<T>(Func<IStoreSession, T> command, CancellationToken cancellationToken = default)
    {
        var work = new Work<T>(command);
        try
        {
            _queue.Add(work, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(SqliteStore));
        }

        return work.Task;
    }

    public Task<T> ReadAsync<T>(Func<IStoreSession, T> query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var tx = connection.BeginTransaction(deferred: true);
        using var session = new SqliteSession(connection, writable: false) { Transaction = tx };
        var result = query(session);
        tx.Commit();
        return Task.FromResult(result);
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => WriteAsync(
        s =>
        {
            var session = (SqliteSession)s;
            session.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            var current = ReadVersion();
            for (var v = current; v < Schema.Migrations.Length; v++)
            {
                session.Exec(Schema.Migrations[v]);
                session.Exec("DELETE FROM schema_version");
                session.Exec("INSERT INTO schema_version(version) VALUES ($p0)", v + 1);
            }

            return 0;
        },
        cancellationToken);

    private long ReadVersion()
    {
        using var cmd = _writeConnection.CreateCommand();
        cmd.Transaction = _writeSession.Transaction;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return (long)cmd.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Pragma(c, "PRAGMA busy_timeout=10000;");
        return c;
    }

    private static void Pragma(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private void WriterLoop()
    {
        var batch = new List<IWork>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var more))
            {
                batch.Add(more);
            }

            RunBatch(batch);
            batch.Clear();
        }
    }

    private void RunBatch(List<IWork> batch)
    {
        var succeeded = new List<IWork>(batch.Count);
        try
        {
            using var tx = _writeConnection.BeginTransaction(deferred: false);
            _writeSession.Transaction = tx;
            foreach (var work in batch)
            {
                _writeSession.Exec("SAVEPOINT work");
                try
                {
                    work.Execute(_writeSession);
                    _writeSession.Exec("RELEASE work");
                    succeeded.Add(work);
                }
#pragma warning disable CA1031 // The command's own exception goes back to its caller; the batch goes on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _writeSession.Exec("ROLLBACK TO work");
                    _writeSession.Exec("RELEASE work");
                    work.Fail(e);
                }
            }

            tx.Commit();
        }
#pragma warning disable CA1031 // A failed commit fails every command of the batch; none of them is acknowledged.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var w in succeeded)
            {
                w.Fail(e);
            }

            succeeded.Clear();
        }
        finally
        {
            _writeSession.Transaction = null;
        }

        foreach (var w in succeeded)
        {
            w.Complete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        await Task.Run(() => _writer.Join());
        _writeSession.Dispose();
        await _writeConnection.DisposeAsync();
        _queue.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private interface IWork
    {
        void Execute(IStoreSession session);

        void Complete();

        void Fail(Exception e);
    }

    private sealed class Work<T>(Func<IStoreSession, T> command) : IWork
    {
        private readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _tcs.Task;

        public void Execute(IStoreSession session) => _result = command(session);

        public void Complete() => _tcs.TrySetResult(_result!);

        public void Fail(Exception e) => _tcs.TrySetException(e);
    }
}
