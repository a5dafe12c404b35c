using Likeness.Application.Ports;
using Npgsql;
using NpgsqlTypes;

namespace Likeness.Storage.Postgres;

/// <summary>
/// Sealed chunks in PostgreSQL (<c>vault_chunks</c>, one <c>bytea</c> row per chunk), so every node of a store reaches
/// them. Each write commits on its own, outside the group-commit writer: a chunk is large and concerns no other command,
/// and the upload's offset (a row the writer commits) moves only after the part's chunks are in.
/// </summary>
public sealed class PostgresContentStore(NpgsqlDataSource dataSource) : IContentStore
{
    public async ValueTask WriteChunkAsync(string blobId, long index, ReadOnlyMemory<byte> sealedChunk, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO vault_chunks(blob_id, idx, data) VALUES ($1, $2, $3) ON CONFLICT (blob_id, idx) DO UPDATE SET data = EXCLUDED.data");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = blobId });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = index });
        cmd.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = sealedChunk, NpgsqlDbType = NpgsqlDbType.Bytea });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    // Each chunk's statement committed (durably: synchronous_commit) before it returned.
    public ValueTask FlushAsync(string blobId, CancellationToken ct = default) => ValueTask.CompletedTask;

    public async ValueTask<int> ReadChunkAsync(string blobId, long index, Memory<byte> buffer, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT data FROM vault_chunks WHERE blob_id = $1 AND idx = $2");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = blobId });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = index });
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct))
        {
            return 0;
        }

        await using var data = await reader.GetStreamAsync(0, ct);
        return await data.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
    }

    public async ValueTask DeleteAsync(string blobId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM vault_chunks WHERE blob_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = blobId });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
