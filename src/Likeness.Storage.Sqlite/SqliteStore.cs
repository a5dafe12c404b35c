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
    /// <summary>
    /// How many commits the writer makes between two checkpoints. Small and frequent: each checkpoint's fsync of the
    /// database then flushes little, and the writer's own fsync, queued behind it on the same disk, waits little
    /// (measured at 10,000 pairs/s: commits over 5 ms fell from 9–23 to 3–8 in ten seconds against 256).
    /// </summary>
    public const int DefaultCommitsPerCheckpoint = 64;

    private readonly int _commitsPerCheckpoint;

    /// <summary>
    /// The default WAL length, in frames (pages of 4 KiB), past which the writer makes SQLite start the WAL over
    /// (64 MiB). A WAL started over keeps its file, which later commits overwrite in place; only a file grown past
    /// twice this (a reader held an old snapshot for long) is cut back to that size.
    /// </summary>
    public const int DefaultWalRestartFrames = 16_384;

    private readonly int _walRestartFrames;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _checkpointDue = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _checkpointer;
    private int _commits;
    private volatile bool _restartDue;

    static SqliteStore() => ConfigureLibrary();

    /// <summary>Opens (creating if need be) the store in the file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file; its directory is created if missing.</param>
    /// <param name="walRestartFrames">The WAL length, in pages, past which the writer starts the WAL over.</param>
    /// <param name="commitsPerCheckpoint">How many commits the writer makes between two checkpoints beside it.</param>
    public SqliteStore(string path, int walRestartFrames = DefaultWalRestartFrames, int commitsPerCheckpoint = DefaultCommitsPerCheckpoint)
        : base(new SqliteDialect())
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(walRestartFrames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(commitsPerCheckpoint, 1);
        _walRestartFrames = walRestartFrames;
        _commitsPerCheckpoint = commitsPerCheckpoint;
        OwnerOnlyFiles.Prepare(path);
        Content = new FileContentStore(Path.GetFullPath(path) + ".vault");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using (var c = Open())
        {
            Pragma(c, "PRAGMA journal_mode=WAL;");
        }

        OwnerOnlyFiles.Tighten(path);

        StartWriter();
        // A thread of its own: a checkpoint blocks on the disk, and it must not wait behind a busy thread pool's queue.
        _checkpointer = new Thread(CheckpointLoop) { IsBackground = true, Name = "SQLite checkpoint" };
        _checkpointer.Start();
    }

    /// <summary>The vault's sealed chunks: a folder beside the database (<c>&lt;db&gt;.vault</c>), one file per content.</summary>
    public override IContentStore Content { get; }

    /// <summary>
    /// Copies the WAL back into the database beside the writer (a passive checkpoint never blocks it), when the writer
    /// says enough commits have accumulated. Under steady load such a checkpoint never catches up with the writer,
    /// and SQLite starts the WAL over only once one has: when the WAL has grown past its limit,
    /// this asks the writer to finish the job between two batches (<see cref="AfterBatch"/>).
    /// </summary>
    private void CheckpointLoop()
    {
        try
        {
            while (true)
            {
                _checkpointDue.Wait(_stopping.Token);
                try
                {
                    using var c = Open();
                    if (CheckpointPassive(c) >= _walRestartFrames)
                    {
                        _restartDue = true;
                    }
                }
#pragma warning disable CA1031 // A checkpoint is upkeep: whatever stops one, nothing is lost and the next one tries again.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    // The WAL stays whole and the next checkpoint copies it.
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

    /// <summary>
    /// When the WAL has grown long, the writer copies what the last checkpoint beside it left (little: the commits
    /// made while it ran), while nothing else writes. The WAL is then wholly in the database, and the next batch's
    /// first write starts it over from its beginning (unless a reader still holds an older snapshot: then a later
    /// round does). Without this the WAL grows for as long as the load lasts (1 GB in a 10-second benchmark), and every
    /// commit extends the file, so its fsync must also journal the file's new size.
    /// </summary>
    protected override void AfterBatch(DbConnection connection)
    {
        // Only the writer releases and only the checkpointer waits, so a checkpoint found not yet due can be made due.
        if (++_commits % _commitsPerCheckpoint == 0 && _checkpointDue.CurrentCount == 0)
        {
            _checkpointDue.Release();
        }

        if (!_restartDue)
        {
            return;
        }

        _restartDue = false;
        try
        {
            CheckpointPassive((SqliteConnection)connection);
        }
        catch (SqliteException)
        {
            // The checkpoint beside the writer was running (busy): the next one that finds the WAL long asks again.
        }
    }

    /// <summary>A passive checkpoint; returns the WAL's length in frames, as SQLite answers it.</summary>
    private static long CheckpointPassive(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var r = cmd.ExecuteReader();
        r.Read();
        return r.GetInt64(1);
    }

    protected override DbConnection OpenWriteConnection()
    {
        var c = Open();
        // The writer never checkpoints by itself (copying the WAL back would stall every request queued behind it): the
        // checkpoints run beside it, and it finishes one only when the WAL has grown long (AfterBatch).
        // secure_delete: what a write frees (a shredded content's wrapped data key, a finished upload's) is zeroed, not left
        // in a free page or cell for a copy of the file to keep (docs/CUSTODY.md).
        Pragma(c, $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit={_walRestartFrames * 2L * 4096L};");
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
        _checkpointer.Join();
        using (var c = Open())
        {
            Pragma(c, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        _stopping.Dispose();
        _checkpointDue.Dispose();

        // This store's pool only: clearing every pool of the process raced with other stores' readers taking a connection
        // from theirs (a connection closed as it was handed out: a crash in native SQLite, seen with many test servers).
        using (var pooled = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }
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
