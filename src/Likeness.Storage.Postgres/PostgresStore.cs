using System.Data;
using System.Data.Common;
using Likeness.Application.Ports;
using Likeness.Storage.Relational;
using Npgsql;

namespace Likeness.Storage.Postgres;

/// <summary>
/// The scale-out store: many stateless nodes on one PostgreSQL. Each node group-commits its own writes; every
/// write batch first takes one transaction-level advisory lock, so batches from all nodes apply one after another
/// (budgets are never overspent, an idempotency key is answered once, ledger indexes have no gaps or duplicates).
/// The ledger's sequencer is whichever node holds a session-level advisory lock; when that node dies its
/// session ends and another node takes the lock on its next tick.
/// </summary>
public sealed class PostgresStore : RelationalStore
{
    private const long WriteLockKey = 0x4C494B45_0001;
    private const long SequencerLockKey = 0x4C494B45_0002;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(string connectionString)
        : base(new PostgresDialect())
    {
        _dataSource = NpgsqlDataSource.Create(WithAutoPrepare(Normalize(connectionString)));
        Content = new PostgresContentStore(_dataSource);
        StartWriter();
    }

    /// <summary>The vault's sealed chunks, one row each in <c>vault_chunks</c>: every node reaches them.</summary>
    public override IContentStore Content { get; }

    /// <summary>Accepts <c>postgres://user:password@host:port/database</c> as well as keyword connection strings.</summary>
    public static string Normalize(string connectionString)
    {
        if (!connectionString.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !connectionString.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        var uri = new Uri(connectionString);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : null;
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/'),
            Username = user,
        };
        if (password is not null)
        {
            b.Password = password;
        }

        return b.ConnectionString;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a node repeats (every statement of the render path) on the server, unless the
    /// connection string says otherwise: the database then parses and plans each of them once per connection.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.MaxAutoPrepare == 0)
        {
            b.MaxAutoPrepare = 128;
            b.AutoPrepareMinUsages = 2;
        }

        return b.ConnectionString;
    }

    protected override DbConnection OpenWriteConnection() => _dataSource.OpenConnection();

    protected override DbTransaction BeginBatch(DbConnection connection) => ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.ReadCommitted);

    // A DO block returns no rows, so the lock travels in front of the batch's first read in the same round trip; every
    // statement after it sees what the nodes committed before the lock was granted.
    protected override string BatchLockStatement { get; } =
        FormattableString.Invariant($"DO $$ BEGIN PERFORM pg_advisory_xact_lock({WriteLockKey}); END $$");

    protected override DbConnection OpenLookup() => _dataSource.OpenConnection();

    protected override (DbConnection Connection, DbTransaction Transaction) BeginRead()
    {
        var c = _dataSource.OpenConnection();
        return (c, c.BeginTransaction(IsolationLevel.RepeatableRead));
    }

    protected override bool IsStatementError(Exception e) => e is PostgresException;

    public override async Task<ISequencerLease?> TryAcquireSequencerAsync(CancellationToken cancellationToken = default)
    {
        var c = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k)", c);
        cmd.Parameters.AddWithValue("k", SequencerLockKey);
        if ((bool)(await cmd.ExecuteScalarAsync(cancellationToken))!)
        {
            return new Lease(c);
        }

        await c.DisposeAsync();
        return null;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    /// <summary>The session holding the sequencer lock; closing it releases the lock.</summary>
    private sealed class Lease(NpgsqlConnection connection) : ISequencerLease
    {
        public bool IsHeld => connection.FullState == ConnectionState.Open;

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

/// <summary>PostgreSQL's fragments: BIGINT keys, BYTEA, jsonb for represents, no index hints.</summary>
public sealed class PostgresDialect : Dialect
{
    // One statement whatever the number of keys, and an index lookup for each (a long IN list of row values is
    // planned as a scan of the whole table).
    public override string? IdempotencyFromArrays => "unnest(@p0::text[], @p1::text[]) AS k(scope, key) JOIN idempotency USING (scope, key)";

    public override string IdColumn => "BIGINT PRIMARY KEY";

    public override string SerialColumn => "BIGSERIAL PRIMARY KEY";

    public override string BlobType => "BYTEA";

    public override string SettledIndexHint => "";

    public override string RepresentsContains(string column, string parameter) => $"({column})::jsonb ? CAST({parameter} AS TEXT)";
}
