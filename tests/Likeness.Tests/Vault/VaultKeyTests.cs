using System.Security.Cryptography;
using Likeness.Application.Vault;
using Likeness.Ledger;
using Likeness.Server;
using Likeness.Server.Secrets;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Vault;

/// <summary>
/// The vault's keys (docs/CUSTODY.md): rotating the master key re-wraps every performer key and data key without touching
/// content, so the old master key opens nothing the store holds afterwards; on SQLite, secure_delete leaves no shredded
/// wrapped key in the database's files.
/// </summary>
public abstract class VaultKeyTests(Provider provider) : IAsyncLifetime
{
    protected const int Seed = 20_5050;
    protected const int Chunk = VaultCipher.ChunkBytes;
    private TestServer _server = null!;
    private World _w = null!;

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

    // The server of the moment: a restart listens on another port.
    private HttpClient Performer => _server.Client(_w.Performer.Key);

    private async Task<string> AssetAsync()
    {
        var (status, body) = await Performer.PostAsync($"/v1/performers/{_w.Performer.Id}/assets", new { name = "scan", modality = "voice", tier = "staticReplica" });
        Assert.Equal(201, status);
        return body!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Rotating_the_master_key_rewraps_every_key_leaves_content_alone_and_the_old_key_opens_nothing()
    {
        var content = VaultClient.Content(Chunk + 777, Seed);
        var sealedAsset = await AssetAsync();
        Assert.Equal(201, (await VaultClient.UploadAsync(Performer, VaultClient.Path(_w.Performer.Id, sealedAsset), content, Chunk)).Status);
        var uploading = await AssetAsync();
        Assert.Equal(200, (await VaultClient.PutPartAsync(Performer, VaultClient.Path(_w.Performer.Id, uploading), content[..Chunk], 0, null)).Status);
        var shredded = await AssetAsync();
        Assert.Equal(201, (await VaultClient.UploadAsync(Performer, VaultClient.Path(_w.Performer.Id, shredded), content[..100], Chunk)).Status);
        Assert.Equal(200, (await Performer.PostAsync($"/v1/performers/{_w.Performer.Id}/assets/{shredded}/shred")).Status);

        var core = _server.Server.Core;
        var files = new SigningKeyFile(core.Keys.Location);
        var oldMaster = files.VaultMasterKey();
        var before = await core.Store.ReadAsync(s => (Key: s.Vault.GetKey(_w.Performer.Id)!, Content: s.Vault.GetContent(sealedAsset)!));
        var sealedBefore = new byte[Chunk + VaultCipher.Overhead];
        await core.Store.Content.ReadChunkAsync(before.Content.BlobId, 0, sealedBefore);
        await _server.DisposeAsync();

        // With no node serving, as the CLI verb runs it.
        await using (var store = StoreFactory.Open(_server.Db))
        {
            var result = await VaultKeyRotation.RotateAsync(store, files, _server.Clock);
            Assert.Equal(new VaultKeyRotation.Result(1, 2, result.LedgerIndex), result);
            Assert.NotNull(result.LedgerIndex);
        }

        Assert.NotEqual(oldMaster, files.VaultMasterKey());
        Assert.Null(files.StagedVaultMasterKey());
        _server = await _server.StartAnotherAsync();
        core = _server.Server.Core;
        var after = await core.Store.ReadAsync(s => (Key: s.Vault.GetKey(_w.Performer.Id)!, Content: s.Vault.GetContent(sealedAsset)!));
        Assert.NotEqual(before.Key.WrappedKey, after.Key.WrappedKey);
        Assert.NotEqual(before.Content.WrappedDataKey, after.Content.WrappedDataKey);
        Assert.Throws<CryptographicException>(() => new VaultKeys(oldMaster).DataKey(after.Key, after.Content.WrappedDataKey!, sealedAsset));

        // The ciphertext is the same bytes; the content reads back whole, and the upload in progress resumes and seals.
        var sealedAfter = new byte[sealedBefore.Length];
        await core.Store.Content.ReadChunkAsync(after.Content.BlobId, 0, sealedAfter);
        Assert.Equal(sealedBefore, sealedAfter);
        var (status, bytes, _) = await VaultClient.DownloadAsync(Performer, VaultClient.Path(_w.Performer.Id, sealedAsset));
        Assert.Equal(200, status);
        Assert.Equal(content, bytes);
        Assert.Equal(201, (await VaultClient.PutPartAsync(Performer, VaultClient.Path(_w.Performer.Id, uploading), content[Chunk..], Chunk, content.Length)).Status);
        Assert.Equal(content, (await VaultClient.DownloadAsync(Performer, VaultClient.Path(_w.Performer.Id, uploading))).Bytes);

        await core.Ledger.IntegrateAsync();
        var log = await core.Store.ReadAsync(s => s.ReadLedgerEntries(0, 10_000));
        Assert.Null(LedgerAudit.Check(log));
        Assert.Contains(log, e => System.Text.Json.JsonDocument.Parse(e).RootElement.GetProperty("kind").GetString() == "vault.key_rotated");
    }

    [Fact]
    public async Task A_rotation_cut_after_its_commit_is_finished_by_the_next_run()
    {
        var core = _server.Server.Core;
        var files = new SigningKeyFile(core.Keys.Location);
        var asset = await AssetAsync();
        var content = VaultClient.Content(5000, Seed + 1);
        Assert.Equal(201, (await VaultClient.UploadAsync(Performer, VaultClient.Path(_w.Performer.Id, asset), content, Chunk)).Status);
        await _server.DisposeAsync();

        // A rotation that committed but never renamed its staged key: the store names the staged key, and the next run promotes it.
        await using (var store = StoreFactory.Open(_server.Db))
        {
            await VaultKeyRotation.RotateAsync(store, files, _server.Clock);
        }

        var rotated = files.VaultMasterKey();
        files.StageVaultMasterKey(rotated);
        File.WriteAllText(files.VaultKeyPath, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        await using (var store = StoreFactory.Open(_server.Db))
        {
            Assert.Equal(new VaultKeyRotation.Result(0, 0, null), await VaultKeyRotation.RotateAsync(store, files, _server.Clock));
        }

        Assert.Equal(rotated, files.VaultMasterKey());
        _server = await _server.StartAnotherAsync();
        Assert.Equal(content, (await VaultClient.DownloadAsync(Performer, VaultClient.Path(_w.Performer.Id, asset))).Bytes);
    }
}

/// <summary>The vault's keys on the embedded SQLite store.</summary>
public sealed class VaultKeyTestsOnSqlite() : VaultKeyTests(Provider.Sqlite)
{
    [Fact]
    public async Task A_shredded_wrapped_key_is_not_left_in_the_database_files()
    {
        var server = await TestServer.StartAsync(Provider.Sqlite);
        var w = await World.CreateAsync(server);
        var (_, body) = await w.As(w.Performer).PostAsync($"/v1/performers/{w.Performer.Id}/assets", new { name = "scan", modality = "voice", tier = "staticReplica" });
        var asset = body!["id"]!.GetValue<string>();
        Assert.Equal(201, (await VaultClient.UploadAsync(w.As(w.Performer), VaultClient.Path(w.Performer.Id, asset), VaultClient.Content(2000, Seed + 2), Chunk)).Status);
        var wrapped = (await server.Server.Core.Store.ReadAsync(s => s.Vault.GetContent(asset)!)).WrappedDataKey!;
        Assert.True(FilesHold(server.Db, wrapped), "the wrapped key is in the database's files before shredding");

        Assert.Equal(200, (await w.As(w.Performer).PostAsync($"/v1/performers/{w.Performer.Id}/assets/{asset}/shred")).Status);
        await server.DisposeAsync();
        try
        {
            Assert.False(FilesHold(server.Db, wrapped), "the shredded wrapped key lingers in the database's files");
        }
        finally
        {
            server.DeleteFiles();
        }
    }

    // The database and its WAL, as a copy of the disk would hold them.
    private static bool FilesHold(string db, byte[] bytes) =>
        new[] { db, db + "-wal" }.Where(File.Exists).Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(bytes) >= 0);
}

/// <summary>The vault's keys on PostgreSQL.</summary>
public sealed class VaultKeyTestsOnPostgres() : VaultKeyTests(Provider.Postgres);
