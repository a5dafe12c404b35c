using System.Security.Cryptography;
using Likeness.Application.Vault;
using Likeness.Ledger;
using Likeness.Storage.Sqlite;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Vault;

/// <summary>
/// Sealed storage (issue 20, docs/CUSTODY.md): content uploaded in resumable parts over HTTP, content-addressed by
/// SHA-256, read back whole by the performer side only; a chunk reordered, damaged, moved from another asset or cut
/// off never yields plaintext and is named; a shredded content's ciphertext is still there and nothing opens it.
/// </summary>
public abstract class VaultContentTests(Provider provider) : IAsyncLifetime
{
    private const int Seed = 20_2026;
    private const int Chunk = VaultCipher.ChunkBytes;

    private TestServer _server = null!;
    private World _w = null!;

    protected TestServer Server => _server;

    protected World W => _w;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(provider);
        _w = await World.CreateAsync(_server);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _server.DeleteFiles();
    }

    protected async Task<string> AssetAsync(string? sha256 = null, string modality = "voice")
    {
        var (status, body) = await W.As(W.Performer).PostAsync($"/v1/performers/{W.Performer.Id}/assets",
            new { name = "Voice corpus", modality, tier = "behavioralEmulator", sha256 });
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Content_uploaded_in_parts_is_sealed_addressed_by_its_hash_and_read_back_whole()
    {
        var content = VaultClient.Content((2 * Chunk) + 12_345, Seed);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var asset = await AssetAsync(sha);
        var path = VaultClient.Path(W.Performer.Id, asset);
        var me = W.As(W.Performer);

        Assert.Equal("empty", (await me.GetJsonAsync(path + "/upload")).Body!["state"]!.GetValue<string>());
        var (first, firstBody) = await VaultClient.PutPartAsync(me, path, content[..Chunk], 0, null);
        Assert.True(first == 200, $"seed {Seed}: {firstBody?.ToJsonString()}");
        Assert.Equal(Chunk, firstBody!["offset"]!.GetValue<long>());

        // A part that does not start at the durable offset is refused, saying where the upload is.
        var (wrong, wrongBody) = await VaultClient.PutPartAsync(me, path, content[(2 * Chunk)..], 2 * Chunk, content.Length);
        Assert.Equal(409, wrong);
        Assert.Equal("upload_offset_mismatch", wrongBody!["code"]!.GetValue<string>());
        Assert.Equal(Chunk, wrongBody!["offset"]!.GetValue<long>());

        // A part whose bytes are not those its digest names is refused, and the offset does not move.
        var (bad, badBody) = await VaultClient.PutPartAsync(me, path, content[Chunk..], Chunk, content.Length, digest: VaultClient.Digest(content[..10]));
        Assert.Equal(400, bad);
        Assert.Equal("digest_mismatch", badBody!["code"]!.GetValue<string>());
        Assert.Equal(Chunk, (await me.GetJsonAsync(path + "/upload")).Body!["offset"]!.GetValue<long>());

        // A part before the last must be whole chunks.
        var (misaligned, misalignedBody) = await VaultClient.PutPartAsync(me, path, content[Chunk..(Chunk + 100)], Chunk, null);
        Assert.Equal(400, misaligned);
        Assert.Equal("part_misaligned", misalignedBody!["code"]!.GetValue<string>());

        // Not visible until the last part is in.
        Assert.Equal(404, (await VaultClient.DownloadAsync(me, path)).Status);

        var (done, doneBody) = await VaultClient.PutPartAsync(me, path, content[Chunk..], Chunk, content.Length, reprDigest: VaultClient.Digest(content));
        Assert.True(done == 201, doneBody?.ToJsonString());
        Assert.Equal(sha, doneBody!["sha256"]!.GetValue<string>());
        Assert.True(doneBody["complete"]!.GetValue<bool>());

        var (got, bytes, response) = await VaultClient.DownloadAsync(me, path);
        Assert.Equal(200, got);
        Assert.Equal($"\"{sha}\"", response.Headers.ETag!.Tag);
        Assert.True(content.AsSpan().SequenceEqual(bytes), $"seed {Seed}: the content read back differs");
        Assert.Equal(200, (await VaultClient.DownloadAsync(W.As(W.Representative), path)).Status);

        // Sealed content never changes; strangers learn nothing of it.
        var (again, againBody) = await VaultClient.PutPartAsync(me, path, content[..Chunk], 0, null);
        Assert.Equal(409, again);
        Assert.Equal("content_sealed", againBody!["code"]!.GetValue<string>());
        Assert.Equal(404, (await VaultClient.DownloadAsync(W.As(W.Studio), path)).Status);
        Assert.Equal(404, (await VaultClient.DownloadAsync(W.As(W.OtherPerformer), path)).Status);
        Assert.Equal(404, (await VaultClient.PutPartAsync(W.As(W.Studio), path, content[..Chunk], 0, null)).Status);

        // The ledger records the sealing, and the audit accepts it.
        await Server.Server.Core.Ledger.IntegrateAsync();
        var entries = await Server.Server.Core.Store.ReadAsync(s => s.ReadLedgerEntries(0, 10_000));
        Assert.Contains(entries, e => System.Text.Encoding.UTF8.GetString(e).Contains("\"asset.sealed\"", StringComparison.Ordinal) && System.Text.Encoding.UTF8.GetString(e).Contains(sha, StringComparison.Ordinal));
        Assert.Null(LedgerAudit.Check(entries));
    }

    [Fact]
    public async Task Content_whose_hash_is_not_the_registered_one_is_refused_and_the_upload_starts_over()
    {
        var content = VaultClient.Content(Chunk + 7, Seed + 1);
        var asset = await AssetAsync(new string('a', 64));
        var path = VaultClient.Path(W.Performer.Id, asset);
        var (status, body) = await VaultClient.UploadAsync(W.As(W.Performer), path, content, Chunk);
        Assert.Equal(400, status);
        Assert.Equal("content_digest_mismatch", body!["code"]!.GetValue<string>());
        Assert.Equal("empty", (await W.As(W.Performer).GetJsonAsync(path + "/upload")).Body!["state"]!.GetValue<string>());
        Assert.Equal(404, (await VaultClient.DownloadAsync(W.As(W.Performer), path)).Status);
    }

    [Fact]
    public async Task An_upload_cut_off_mid_part_resumes_from_its_durable_offset_on_another_node()
    {
        var content = VaultClient.Content((3 * Chunk) + 99, Seed + 2);
        var asset = await AssetAsync();
        var core = Server.Server.Core;
        var performer = (await core.Parties.AuthenticateAsync(W.Performer.Key))!;
        var first = ContentPart.Parse($"bytes 0-{(2 * Chunk) - 1}/*", null, VaultClient.Digest(content[..(2 * Chunk)]), null);

        // The first part's first chunk is sealed, then the connection dies: the offset stays where it was.
        var cut = new CutStream(content[..(2 * Chunk)], Chunk + 10);
        await Assert.ThrowsAnyAsync<IOException>(() => core.Vault.PutPartAsync(performer, W.Performer.Id, asset, first, cut));
        Assert.Equal(0, (await core.Vault.StatusAsync(performer, W.Performer.Id, asset)).Offset);
        Assert.Equal(200, (await core.Vault.PutPartAsync(performer, W.Performer.Id, asset, first, new MemoryStream(content[..(2 * Chunk)]))).Status);

        // Another node (no running hash of this upload) takes the rest.
        await using var other = await Server.StartAnotherAsync();
        var path = VaultClient.Path(W.Performer.Id, asset);
        Assert.Equal(2 * Chunk, (await other.Client(W.Performer.Key).GetJsonAsync(path + "/upload")).Body!["offset"]!.GetValue<long>());
        var (done, body) = await VaultClient.PutPartAsync(other.Client(W.Performer.Key), path, content[(2 * Chunk)..], 2 * Chunk, content.Length);
        Assert.True(done == 201, body?.ToJsonString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), body!["sha256"]!.GetValue<string>());
        var (got, bytes, _) = await VaultClient.DownloadAsync(W.As(W.Performer), path);
        Assert.Equal(200, got);
        Assert.True(content.AsSpan().SequenceEqual(bytes), $"seed {Seed + 2}: the resumed content differs");
    }

    [Fact]
    public async Task Empty_content_is_sealed_too()
    {
        var asset = await AssetAsync();
        var path = VaultClient.Path(W.Performer.Id, asset);
        var (status, body) = await VaultClient.UploadAsync(W.As(W.Performer), path, [], Chunk);
        Assert.True(status == 201, body?.ToJsonString());
        var (got, bytes, _) = await VaultClient.DownloadAsync(W.As(W.Performer), path);
        Assert.Equal(200, got);
        Assert.Empty(bytes);
    }

    [Theory]
    [InlineData("reorder")]
    [InlineData("damage")]
    [InlineData("swap")]
    [InlineData("truncate")]
    public async Task Ciphertext_reordered_damaged_swapped_or_cut_short_never_opens_and_the_chunk_is_named(string fault)
    {
        var content = VaultClient.Content((3 * Chunk) + 5, Seed + 3);
        var asset = await AssetAsync();
        var other = await AssetAsync();
        var me = W.As(W.Performer);
        Assert.Equal(201, (await VaultClient.UploadAsync(me, VaultClient.Path(W.Performer.Id, asset), content, 4 * Chunk)).Status);
        Assert.Equal(201, (await VaultClient.UploadAsync(me, VaultClient.Path(W.Performer.Id, other), content, 4 * Chunk)).Status);
        var core = Server.Server.Core;
        var store = core.Store.Content;
        var (mine, theirs) = await core.Store.ReadAsync(s => (s.Vault.GetContent(asset)!, s.Vault.GetContent(other)!));

        async Task<byte[]> Read(string blob, long index, int plain)
        {
            var buffer = new byte[plain + VaultCipher.Overhead];
            Assert.Equal(buffer.Length, await store.ReadChunkAsync(blob, index, buffer));
            return buffer;
        }

        long expected;
        switch (fault)
        {
            case "reorder":
                var c1 = await Read(mine.BlobId, 1, Chunk);
                var c2 = await Read(mine.BlobId, 2, Chunk);
                await store.WriteChunkAsync(mine.BlobId, 1, c2);
                await store.WriteChunkAsync(mine.BlobId, 2, c1);
                expected = 1;
                break;
            case "damage":
                var d = await Read(mine.BlobId, 2, Chunk);
                d[100] ^= 0x01;
                await store.WriteChunkAsync(mine.BlobId, 2, d);
                expected = 2;
                break;
            case "swap":
                // The same plaintext sealed for another asset, at the same place: bound to that asset, it does not open here.
                await store.WriteChunkAsync(mine.BlobId, 0, await Read(theirs.BlobId, 0, Chunk));
                expected = 0;
                break;
            default:
                // The last chunk is dropped and the one before it posed as the end: its "not last" binding gives it away.
                if (store is FileContentStore files)
                {
                    using var f = new FileStream(files.PathOf(mine.BlobId), FileMode.Open);
                    f.SetLength(3 * (Chunk + VaultCipher.Overhead));
                }
                else
                {
                    await store.WriteChunkAsync(mine.BlobId, 3, Array.Empty<byte>());
                }

                expected = 3;
                break;
        }

        var performer = (await core.Parties.AuthenticateAsync(W.Performer.Key))!;
        if (expected == 0)
        {
            var refused = await Assert.ThrowsAsync<Likeness.Application.Common.AppProblem>(() => core.Vault.OpenAsync(performer, W.Performer.Id, asset));
            Assert.Equal("content_damaged", refused.Code);
            Assert.Contains("Chunk 0 ", refused.Message, StringComparison.Ordinal);
            var (status, body) = await W.As(W.Performer).GetJsonAsync(VaultClient.Path(W.Performer.Id, asset));
            Assert.Equal(409, status);
            Assert.Equal(0, body!["chunk"]!.GetValue<long>());
            return;
        }

        using var opened = await core.Vault.OpenAsync(performer, W.Performer.Id, asset);
        var sink = new MemoryStream();
        var e = await Assert.ThrowsAsync<SealedChunkException>(() => opened.CopyToAsync(sink));
        Assert.Equal(expected, e.Chunk);
        Assert.Contains($"Chunk {expected} of {asset}", e.Message, StringComparison.Ordinal);

        // Nothing of the faulty chunk was written: only the chunks before it, which opened.
        Assert.Equal(expected * Chunk, sink.Length);
        Assert.True(content.AsSpan(0, (int)sink.Length).SequenceEqual(sink.ToArray()));
    }

    [Fact]
    public async Task Shredding_leaves_the_ciphertext_in_place_and_nothing_opens_it()
    {
        var content = VaultClient.Content(Chunk + 1, Seed + 4);
        var asset = await AssetAsync();
        var path = VaultClient.Path(W.Performer.Id, asset);
        Assert.Equal(201, (await VaultClient.UploadAsync(W.As(W.Performer), path, content, Chunk)).Status);
        var core = Server.Server.Core;
        var before = await core.Store.ReadAsync(s => s.Vault.GetContent(asset)!);
        var sealedChunk = new byte[Chunk + VaultCipher.Overhead];
        Assert.Equal(sealedChunk.Length, await core.Store.Content.ReadChunkAsync(before.BlobId, 0, sealedChunk));

        // A stranger cannot shred; the performer can, once.
        Assert.Equal(404, (await W.As(W.Studio).PostAsync(path.Replace("/content", "/shred", StringComparison.Ordinal))).Status);
        var (status, body) = await W.As(W.Performer).PostAsync(path.Replace("/content", "/shred", StringComparison.Ordinal), null, "shred-1");
        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal(before.Sha256, body!["sha256"]!.GetValue<string>());
        Assert.Equal("performer", body["reason"]!.GetValue<string>());
        Assert.Equal(200, (await W.As(W.Performer).PostAsync(path.Replace("/content", "/shred", StringComparison.Ordinal), null, "shred-1")).Status);
        var (twice, twiceBody) = await W.As(W.Performer).PostAsync(path.Replace("/content", "/shred", StringComparison.Ordinal), null, "shred-2");
        Assert.Equal(409, twice);
        Assert.Equal("already_shredded", twiceBody!["code"]!.GetValue<string>());

        // The ciphertext is still where it was, byte for byte; the store keeps no key that opens it.
        var after = await core.Store.ReadAsync(s => s.Vault.GetContent(asset)!);
        Assert.Null(after.WrappedDataKey);
        Assert.NotNull(after.ShreddedAt);
        var still = new byte[sealedChunk.Length];
        Assert.Equal(still.Length, await core.Store.Content.ReadChunkAsync(before.BlobId, 0, still));
        Assert.Equal(sealedChunk, still);
        var (gone, goneBody) = await W.As(W.Performer).GetJsonAsync(path);
        Assert.Equal(410, gone);
        Assert.Equal("content_shredded", goneBody!["code"]!.GetValue<string>());

        // With the key the vault had, the same bytes would have opened: the data key was all that stood between them.
        var keys = new VaultKeys(ReadMasterKey());
        var performerKey = await core.Store.ReadAsync(s => s.Vault.GetKey(W.Performer.Id)!);
        var dataKey = keys.DataKey(performerKey, before.WrappedDataKey!, asset);
        using var aes = new AesGcm(dataKey, VaultCipher.TagBytes);
        Assert.True(VaultCipher.TryOpen(aes, VaultCipher.ChunkAad(asset), 0, false, still, new byte[Chunk]));

        await core.Ledger.IntegrateAsync();
        Assert.Null(LedgerAudit.Check(await core.Store.ReadAsync(s => s.ReadLedgerEntries(0, 10_000))));
    }

    private byte[] ReadMasterKey()
    {
        var keyFile = new Likeness.Server.Secrets.SigningKeyFile(Server.Server.Core.Keys.Location);
        return keyFile.VaultMasterKey();
    }

    /// <summary>A body that breaks after <paramref name="failAt"/> bytes, as a connection that dies.</summary>
    private sealed class CutStream(byte[] bytes, int failAt) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= failAt)
            {
                throw new IOException("The connection was reset.");
            }

            return await base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAt - Position)], cancellationToken);
        }
    }
}

/// <summary>The vault on the embedded SQLite store (chunks in a file beside it).</summary>
public sealed class VaultContentTestsOnSqlite() : VaultContentTests(Provider.Sqlite);

/// <summary>The vault on PostgreSQL (chunks in a table every node reaches).</summary>
public sealed class VaultContentTestsOnPostgres() : VaultContentTests(Provider.Postgres);
