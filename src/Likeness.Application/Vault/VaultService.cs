using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;

namespace Likeness.Application.Vault;

/// <summary>
/// Sealed storage of asset content (docs/CUSTODY.md): uploads in resumable parts, sealed chunk by chunk as they stream
/// in (memory stays at a few chunks whatever the size), and the performer side's own download.
/// </summary>
public sealed class VaultService(IStore store, IContentStore content, VaultKeys keys, TimeProvider clock, Mutations mutations, long maxBytes)
{
    // The running SHA-256 of each upload this node is receiving, at its durable offset: the next part continues it. A
    // part that lands on another node, or after a restart, rebuilds it once from the sealed chunks.
    private readonly ConcurrentDictionary<string, (long Offset, IncrementalHash Hash)> _hashes = new(StringComparer.Ordinal);

    // One part at a time per asset on this node: two parts at one offset would write the same chunks.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _busy = new(StringComparer.Ordinal);

    /// <summary>The largest content accepted.</summary>
    public long MaxBytes => maxBytes;

    /// <summary>Where the upload of an asset's content stands (what a client asks before it resumes).</summary>
    public Task<UploadStatusView> StatusAsync(PartyRecord caller, string performerId, string assetId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var asset = OwnAsset(s, caller, performerId, assetId);
                if (s.Vault.GetContent(asset.Id) is { } sealedContent)
                {
                    return new UploadStatusView(asset.Id, sealedContent.IsShredded ? "shredded" : "sealed", sealedContent.SizeBytes, VaultCipher.ChunkBytes, maxBytes, sealedContent.Sha256, sealedContent.SizeBytes);
                }

                var upload = s.Vault.GetUpload(asset.Id);
                return new UploadStatusView(asset.Id, upload is null ? "empty" : "uploading", upload?.Offset ?? 0, VaultCipher.ChunkBytes, maxBytes, null, null);
            },
            ct);

    /// <summary>
    /// Receives one part: it must start at the upload's durable offset; its chunks are sealed and written as they arrive,
    /// and the offset moves only once the part's digest matched and its chunks are durable. The last part seals the
    /// content: its SHA-256 is checked against what the client and the asset's registration stated, and the
    /// <c>asset.sealed</c> entry is appended.
    /// </summary>
    public async Task<Outcome> PutPartAsync(PartyRecord caller, string performerId, string assetId, ContentPart part, Stream body, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(body);
        if (Math.Max(part.Total ?? 0, part.Start + part.Length) > maxBytes)
        {
            throw new AppProblem(413, "content_too_large", $"The vault accepts content of at most {maxBytes} bytes.");
        }

        if (!part.IsLast && part.Length % VaultCipher.ChunkBytes != 0)
        {
            throw AppProblem.BadRequest("part_misaligned", $"A part before the last is a whole number of {VaultCipher.ChunkBytes}-byte chunks.", "Content-Range");
        }

        var gate = _busy.GetOrAdd(assetId, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct))
        {
            throw AppProblem.Conflict("upload_busy", "Another part of this asset's content is being received; send the next part after it.");
        }

        try
        {
            var (upload, performerKey) = await StartAsync(caller, performerId, assetId, part, ct);
            var dataKey = keys.DataKey(performerKey, upload.WrappedDataKey, assetId);
            var hash = await RunningHashAsync(upload, dataKey, ct);
            try
            {
                await ReceiveAsync(assetId, upload.BlobId, dataKey, part, body, hash, ct);
                var result = await CommitAsync(caller, performerId, assetId, upload, part, hash, ct);
                if (result.Refusal is not null)
                {
                    await content.DeleteAsync(upload.BlobId, ct);
                }

                if (!part.IsLast)
                {
                    _hashes[upload.BlobId] = (part.Start + part.Length, hash);
                    hash = null;
                }

                return result;
            }
            finally
            {
                hash?.Dispose();
                if (part.IsLast)
                {
                    _hashes.TryRemove(upload.BlobId, out _);
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// The content, opened for the performer side: its first chunk is opened before this returns, so damage found there
    /// is a refusal; damage found later ends the stream with <see cref="SealedChunkException"/> naming the chunk, before
    /// a byte of that chunk is written.
    /// </summary>
    public async Task<OpenedContent> OpenAsync(PartyRecord caller, string performerId, string assetId, CancellationToken ct = default)
    {
        var (record, performerKey) = await store.ReadAsync(
            s =>
            {
                var asset = OwnAsset(s, caller, performerId, assetId);
                var c = s.Vault.GetContent(asset.Id) ?? throw new AppProblem(404, "no_content", "This asset has no sealed content yet.");
                return (c, s.Vault.GetKey(performerId));
            },
            ct);
        return await OpenSealedAsync(record, performerKey, ct);
    }

    /// <summary>Opens sealed content for any reader the caller's use case has already admitted (a released grant, an export).</summary>
    public async Task<OpenedContent> OpenSealedAsync(SealedContentRecord record, VaultKeyRecord? performerKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.WrappedDataKey is null || performerKey is null)
        {
            throw new AppProblem(410, "content_shredded", $"The content of {record.AssetId} was destroyed (crypto-shredded); nothing can open it.");
        }

        var opened = new OpenedContent(content, record, keys.DataKey(performerKey, record.WrappedDataKey, record.AssetId));
        try
        {
            await opened.PrefetchFirstAsync(ct);
        }
        catch (SealedChunkException e)
        {
            opened.Dispose();
            throw e.ToProblem();
        }

        return opened;
    }

    /// <summary>
    /// Destroys an asset's data key: the content is unreadable at once, wherever copies of its ciphertext are. Recorded
    /// as <c>asset.shredded</c> with the reason (<c>performer</c>, <c>retention</c>, <c>post_mortem</c>).
    /// </summary>
    public Task<Outcome> ShredAsync(PartyRecord caller, string performerId, string assetId, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(
            caller.Id,
            idem,
            s =>
            {
                var asset = OwnAsset(s, caller, performerId, assetId);
                AccessRules.RequireActingSide(caller, s.GetParty(performerId));
                return Outcome.Ok(Shred(s, asset.Id, ShredReasons.Performer, caller.Id, clock.GetUtcNow()));
            },
            ct);

    /// <summary>Shreds in the caller's transaction (the performer's request, a retention rule, the post-mortem term).</summary>
    public static ShreddedView Shred(IStoreSession s, string assetId, string reason, string? by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        var c = s.Vault.GetContent(assetId) ?? throw new AppProblem(404, "no_content", "This asset has no sealed content.");
        if (c.IsShredded)
        {
            throw AppProblem.Conflict("already_shredded", "This asset's content was already destroyed.");
        }

        s.Vault.ShredContent(assetId, now);
        var index = s.AppendLedgerEntry(new LedgerEntry("asset.shredded", now).With("asset", assetId).With("sha256", c.Sha256).With("reason", reason).With("by", by).ToBytes());
        return new ShreddedView(assetId, c.Sha256, now, reason, index);
    }

    private static AssetRecord OwnAsset(IStoreSession s, PartyRecord caller, string performerId, string assetId)
    {
        AccessRules.RequirePerformerSide(caller, s.GetParty(performerId));
        var asset = s.Vault.GetAsset(assetId);
        return asset is not null && asset.PerformerId == performerId ? asset : throw AppProblem.NotFound("asset");
    }

    // Checks the part against the upload's durable offset; the first part creates the upload (and the performer's key).
    private async Task<(UploadRecord Upload, VaultKeyRecord Key)> StartAsync(PartyRecord caller, string performerId, string assetId, ContentPart part, CancellationToken ct)
    {
        var found = await store.ReadAsync(s => Check(s), ct);
        if (found.Upload is not null)
        {
            return (found.Upload, found.Key!);
        }

        return await store.WriteAsync(
            s =>
            {
                var again = Check(s);
                if (again.Upload is not null)
                {
                    return (again.Upload, again.Key!);
                }

                var now = clock.GetUtcNow();
                var key = again.Key;
                if (key is null)
                {
                    key = keys.NewPerformerKey(performerId, now);
                    s.Vault.InsertKey(key);
                }

                var upload = new UploadRecord(assetId, Ids.New("blob", now), 0, part.ContentSha256 is { } h ? Convert.ToHexStringLower(h) : null,
                    keys.NewDataKey(key, assetId), now, now);
                s.Vault.InsertUpload(upload);
                return (upload, key);
            },
            ct);

        (UploadRecord? Upload, VaultKeyRecord? Key) Check(IStoreSession s)
        {
            var asset = OwnAsset(s, caller, performerId, assetId);
            AccessRules.RequireActingSide(caller, s.GetParty(performerId));
            if (s.Vault.GetContent(asset.Id) is not null)
            {
                throw AppProblem.Conflict("content_sealed", "This asset's content is sealed; content never changes (register a new asset).");
            }

            var upload = s.Vault.GetUpload(asset.Id);
            var offset = upload?.Offset ?? 0;
            if (part.Start != offset)
            {
                throw OffsetMismatch(offset);
            }

            return (upload, s.Vault.GetKey(performerId));
        }
    }

    private static AppProblem OffsetMismatch(long offset) =>
        new(409, "upload_offset_mismatch", $"The upload's durable offset is {offset}: send the part that starts there.", "Content-Range",
            new Dictionary<string, object?> { ["offset"] = offset });

    // The SHA-256 of the bytes before the durable offset: this node's running hash, or rebuilt from the sealed chunks.
    private async Task<IncrementalHash> RunningHashAsync(UploadRecord upload, byte[] dataKey, CancellationToken ct)
    {
        if (_hashes.TryRemove(upload.BlobId, out var kept))
        {
            if (kept.Offset == upload.Offset)
            {
                return kept.Hash;
            }

            kept.Hash.Dispose();
        }

        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunks = upload.Offset / VaultCipher.ChunkBytes;
        var sealedChunk = ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes + VaultCipher.Overhead);
        var plain = ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes);
        try
        {
            using var aes = new AesGcm(dataKey, VaultCipher.TagBytes);
            var aad = VaultCipher.ChunkAad(upload.AssetId);
            for (long i = 0; i < chunks; i++)
            {
                var buffer = sealedChunk.AsMemory(0, VaultCipher.ChunkBytes + VaultCipher.Overhead);
                var n = await content.ReadChunkAsync(upload.BlobId, i, buffer, ct);
                if (!VaultCipher.TryOpen(aes, aad, i, false, buffer.Span[..n], plain.AsSpan(0, VaultCipher.ChunkBytes)))
                {
                    throw new SealedChunkException(upload.AssetId, i);
                }

                hash.AppendData(plain, 0, VaultCipher.ChunkBytes);
            }

            return hash;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sealedChunk);
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
        }
    }

    // Reads the part's body chunk by chunk: hashes it, seals it, writes it (the write of one chunk overlaps the sealing
    // of the next), then makes it durable. Nothing here moves the offset.
    private async Task ReceiveAsync(string assetId, string blobId, byte[] dataKey, ContentPart part, Stream body, IncrementalHash running, CancellationToken ct)
    {
        using var partHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var aes = new AesGcm(dataKey, VaultCipher.TagBytes);
        var aad = VaultCipher.ChunkAad(assetId);
        var plain = ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes);
        byte[][] sealedChunks = [ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes + VaultCipher.Overhead), ArrayPool<byte>.Shared.Rent(VaultCipher.ChunkBytes + VaultCipher.Overhead)];
        ValueTask pending = default;
        try
        {
            // A part that is the whole content has the content's hash: it is computed once.
            var whole = part.Start == 0 && part.IsLast;
            var index = part.Start / VaultCipher.ChunkBytes;
            long received = 0;
            do
            {
                var want = (int)Math.Min(VaultCipher.ChunkBytes, part.Length - received);
                var n = await body.ReadAtLeastAsync(plain.AsMemory(0, want), want, throwOnEndOfStream: false, ct);
                if (n < want)
                {
                    throw AppProblem.BadRequest("part_incomplete", $"The body ended after {received + n} of the {part.Length} bytes Content-Range names.", "Content-Range");
                }

                received += n;
                var last = part.IsLast && received == part.Length;
                if (!whole)
                {
                    partHash.AppendData(plain, 0, n);
                }

                running.AppendData(plain, 0, n);
                var sealedChunk = sealedChunks[index & 1];
                VaultCipher.Seal(aes, aad, index, last, plain.AsSpan(0, n), sealedChunk.AsSpan(0, n + VaultCipher.Overhead));
                await pending;
                pending = content.WriteChunkAsync(blobId, index, sealedChunk.AsMemory(0, n + VaultCipher.Overhead), ct);
                index++;
            }
            while (received < part.Length);

            await pending;
            pending = default;
            if (await body.ReadAsync(plain.AsMemory(0, 1), ct) != 0)
            {
                throw AppProblem.BadRequest("part_too_long", $"The body is longer than the {part.Length} bytes Content-Range names.", "Content-Range");
            }

            if (!CryptographicOperations.FixedTimeEquals(whole ? running.GetCurrentHash() : partHash.GetHashAndReset(), part.PartSha256))
            {
                throw AppProblem.BadRequest("digest_mismatch", "The part's bytes do not match its Content-Digest; send the part again.", "Content-Digest");
            }

            await content.FlushAsync(blobId, ct);
        }
        finally
        {
            await pending;
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
            ArrayPool<byte>.Shared.Return(sealedChunks[0]);
            ArrayPool<byte>.Shared.Return(sealedChunks[1]);
        }
    }

    private Task<Outcome> CommitAsync(PartyRecord caller, string performerId, string assetId, UploadRecord upload, ContentPart part, IncrementalHash running, CancellationToken ct)
    {
        var end = part.Start + part.Length;
        var sha256 = part.IsLast ? Convert.ToHexStringLower(running.GetHashAndReset()) : null;
        return store.WriteAsync(
            s =>
            {
                var now = clock.GetUtcNow();
                var current = s.Vault.GetUpload(assetId);
                if (current is null || current.BlobId != upload.BlobId || current.Offset != part.Start)
                {
                    throw OffsetMismatch(current?.Offset ?? 0);
                }

                if (sha256 is null)
                {
                    s.Vault.AdvanceUpload(assetId, end, now);
                    return Outcome.Ok(new ContentPartView(assetId, end, false, null, null, null));
                }

                var asset = s.Vault.GetAsset(assetId)!;
                var stated = new[] { part.ContentSha256 is { } h ? Convert.ToHexStringLower(h) : null, current.ExpectedSha256, asset.Sha256 };
                if (stated.Any(x => x is not null && x != sha256))
                {
                    // The whole content is not what was stated: nothing of it is kept, and the upload starts over.
                    s.Vault.DeleteUpload(assetId);
                    return Outcome.Refused(new Problem(400, "content_digest_mismatch",
                        $"The content's SHA-256 is {sha256}, not the one stated (Repr-Digest or the asset's sha256); the upload starts over.", "Repr-Digest", null));
                }

                var index = s.AppendLedgerEntry(new LedgerEntry("asset.sealed", now).With("asset", assetId).With("performer", performerId)
                    .With("sha256", sha256).With("size", end).With("by", caller.Id).ToBytes());
                s.Vault.InsertContent(new SealedContentRecord(assetId, upload.BlobId, sha256, end, VaultCipher.ChunkCount(end), current.WrappedDataKey, now, index, null));
                s.Vault.DeleteUpload(assetId);
                return Outcome.Created(new ContentPartView(assetId, end, true, sha256, end, index));
            },
            ct);
    }
}
