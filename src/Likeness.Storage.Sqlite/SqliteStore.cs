using System.Data.Common;
using Likeness.Application.Ports;
using Likeness.Storage.Relational;
using Microsoft.Data.Sqlite;

namespace Likeness.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with <c>synchronous=FULL</c>, written by one process (the
/// shared group-commit writer); reads use their own pooled connections and never wait for the writer. One
/// process owns the file, so it is always the ledger's sequencer.
/// </summary>
public sealed class SqliteStore : RelationalStore
{
    /// <summary>How many commits the writer makes between two checkpoints.</summary>
    private const int CommitsPerCheckpoint = 256;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _checkpointDue = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _checkpointer;
    private int _commits;

    static SqliteStore() => ConfigureLibrary();

    public SqliteStore(string path)
        : base(new SqliteDialect())
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using (var c = Open())
        {
            Pragma(c, "PRAGMA journal_mode=WAL;");
        }

        StartWriter();
        _checkpointer = Task.Run(CheckpointLoopAsync);
    }

    protected override void AfterCommit()
    {
        // Only the writer releases and only the checkpointer waits, so a checkpoint found not yet due can be made due.
        if (++_commits % CommitsPerCheckpoint == 0 && _checkpointDue.CurrentCount == 0)
        {
            _checkpointDue.Release();
        }
    }

    /// <summary>
    /// Copies the WAL back into the database beside the writer (a passive checkpoint never blocks it), when the writer
    /// says enough commits have accumulated. SQLite starts the WAL over once a checkpoint has caught up.
    /// </summary>
    private async Task CheckpointLoopAsync()
    {
        try
        {
            while (true)
            {
                await _checkpointDue.WaitAsync(_stopping.Token);
                try
                {
                    using var c = Open();
                    Pragma(c, "PRAGMA wal_checkpoint(PASSIVE);");
                }
                catch (SqliteException)
                {
                    // Nothing is lost: the WAL stays whole and the next checkpoint copies it.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The store is closing.
        }
    }

    /// <summary>
    /// Before the process opens its first SQLite connection: multi-thread mode (each connection is only ever used by one
    /// thread at a time: the writer's by the writer, a pooled reader's by its request) and no memory statistics, so
    /// SQLite takes no mutex per call and none per allocation. Once SQLite is initialized this is refused, harmlessly
    /// (the defaults are merely slower).
    /// </summary>
    private static void ConfigureLibrary()
    {
        SQLitePCL.Batteries_V2.Init();
        if (SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MULTITHREAD) == SQLitePCL.raw.SQLITE_OK)
        {
            SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
        }
    }

    protected override DbConnection OpenWriteConnection()
    {
        var c = Open();
        // The writer never checkpoints: copying the WAL back into the database would stall every request queued behind it.
        Pragma(c, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0;");
        return c;
    }

    protected override DbTransaction BeginBatch(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    protected override DbConnection OpenLookup() => Open();

    protected override (DbConnection Connection, DbTransaction Transaction) BeginRead()
    {
        var c = Open();
        return (c, c.BeginTransaction(deferred: true));
    }

    public override Task<ISequencerLease?> TryAcquireSequencerAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ISequencerLease?>(ProcessLease.Instance);

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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _stopping.CancelAsync();
        await _checkpointer;
        using (var c = Open())
        {
            Pragma(c, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        _stopping.Dispose();
        _checkpointDue.Dispose();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The one process that owns the file holds the lease for as long as it lives.</summary>
    private sealed class ProcessLease : ISequencerLease
    {
        public static readonly ProcessLease Instance = new();

        public bool IsHeld => true;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>SQLite's fragments: the rowid as key, BLOB, json_each, and a nudge to the covering usage index.</summary>
public sealed class SqliteDialect : Dialect
{
    public override string IdColumn => "INTEGER PRIMARY KEY";

    public override string SerialColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string BlobType => "BLOB";

    public override string SettledIndexHint => "INDEXED BY renders_settled";

    public override string RepresentsContains(string column, string parameter) => $"EXISTS (SELECT 1 FROM json_each({column}) WHERE value = {parameter})";
}
