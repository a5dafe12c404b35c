using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Likeness.Application.Licensing;
using Likeness.Server;
using Likeness.Storage.Sqlite;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Storage;

/// <summary>
/// Secrets at rest: the ledger's private key is in a 0600 PEM file beside the store and nowhere in the database's
/// bytes; the database, its -wal and -shm are 0600 whatever the umask; an old store's key moves out of the database
/// into the file; <c>likeness init</c> says where the key file is and writes the operator key file 0600.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SecretsAtRestTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A file's bytes, read while SQLite may hold it open.</summary>
    private static byte[] Bytes(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var m = new MemoryStream();
        f.CopyTo(m);
        return m.ToArray();
    }

    [Fact]
    public async Task The_private_key_is_in_an_owner_only_file_and_not_in_the_database_files()
    {
        await using var server = await TestServer.StartAsync();
        await World.CreateAsync(server);
        await server.Server.Core.Ledger.IntegrateAsync();
        var keyFile = server.Db + ".signing-key.pem";
        Assert.Equal(keyFile, server.Server.Core.Keys.Location);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyFile));
        var pkcs8 = new SigningKeyFileReader(keyFile).Pkcs8;
        Assert.Equal(server.Server.Core.Keys.Current.KeyId, SigningKey.KeyIdOf(pkcs8));
        var base64 = System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(pkcs8));
        var files = new[] { server.Db, server.Db + "-wal", server.Db + "-shm" };
        Assert.True(new FileInfo(server.Db + "-wal").Length > 0, "the WAL holds the writes so far");
        foreach (var file in files)
        {
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
            var bytes = Bytes(file);
            Assert.False(Contains(bytes, pkcs8), $"{file} holds the private key");
            Assert.False(Contains(bytes, base64), $"{file} holds the private key in base64");
        }

        Assert.Null(await server.Server.Core.Store.ReadAsync(s => s.GetSetting(KeyRing.LegacySettingName)));
        server.DeleteFiles();
    }

    [Fact]
    public async Task A_store_that_kept_its_key_in_the_database_has_it_moved_to_the_key_file()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-legacy-").FullName;
        var db = Path.Combine(dir, "likeness.db");
        using var legacy = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using (var store = new SqliteStore(db))
        {
            await store.MigrateAsync();
            await store.WriteAsync(s =>
            {
                s.SetSetting(KeyRing.LegacySettingName, Convert.ToBase64String(legacy.ExportPkcs8PrivateKey()));
                return 0;
            });
        }

        var spki = Convert.ToBase64String(legacy.ExportSubjectPublicKeyInfo());
        await using (var server = await TestServer.StartAsync(dir))
        {
            Assert.Null(await server.Server.Core.Store.ReadAsync(s => s.GetSetting(KeyRing.LegacySettingName)));
            var (_, key) = await server.Client(null).GetJsonAsync("/v1/ledger/key");
            Assert.Equal(spki, key!["publicKeySpki"]!.GetValue<string>());
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(db + ".signing-key.pem"));
            Assert.Equal(legacy.ExportPkcs8PrivateKey(), new SigningKeyFileReader(db + ".signing-key.pem").Pkcs8);
        }

        // Again: the move is done; the same key is read from the file.
        await using (var again = await TestServer.StartAsync(dir, operatorKey: "unused"))
        {
            var (_, key) = await again.Client(null).GetJsonAsync("/v1/ledger/key");
            Assert.Equal(spki, key!["publicKeySpki"]!.GetValue<string>());
        }

        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task The_files_of_a_store_made_before_are_tightened_to_owner_only_when_it_is_opened()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-modes-").FullName;
        var db = Path.Combine(dir, "likeness.db");
        await using (var store = new SqliteStore(db))
        {
            await store.MigrateAsync();
        }

        File.SetUnixFileMode(db, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using (var store = new SqliteStore(db))
        {
            await store.MigrateAsync();
            Assert.Equal(OwnerOnly, File.GetUnixFileMode(db));
        }

        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void A_postgresql_stores_signing_key_is_where_it_is_told_or_in_the_users_config_folder_per_store()
    {
        Assert.EndsWith("shared.pem", StoreFactory.SigningKeys("Host=127.0.0.1;Database=x", "/run/secrets/shared.pem").Location, StringComparison.Ordinal);

        // Without --signing-key (API.md's `likeness init --db <connection string>`): one file per store, the same for every
        // connection string naming that store, never in the database.
        var one = StoreFactory.SigningKeys("Host=127.0.0.1;Port=5432;Database=x;Username=a;Password=p", null).Location;
        var same = StoreFactory.SigningKeys("Database=x;Host=127.0.0.1;Username=b", null).Location;
        var other = StoreFactory.SigningKeys("Host=127.0.0.1;Database=y", null).Location;
        Assert.Equal(one, same);
        Assert.NotEqual(one, other);
        Assert.StartsWith(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), one, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("likeness", "signing-keys"), one, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(one)!));
        }
    }

    [Fact]
    public async Task Init_on_postgresql_works_as_api_md_writes_it_without_naming_a_key_file()
    {
        var db = await (await PostgresCluster.Shared).CreateDatabaseAsync();
        var (exit, output, error) = await CliProcess.RunAsync("init", "--db", db, "--json");
        Assert.True(exit == 0, error);
        var keyFile = StoreFactory.DefaultPostgresKeyPath(db);
        Assert.True(File.Exists(keyFile), output);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        File.Delete(keyFile);
    }

    [Fact]
    public async Task Init_says_where_the_signing_key_file_is_and_writes_the_operator_key_file_owner_only()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-init-").FullName;
        var db = Path.Combine(dir, "init.db");
        var keyPath = Path.Combine(dir, "keys", "ledger.pem");
        var (exit, output, error) = await CliProcess.RunAsync("init", "--db", db, "--signing-key", keyPath, "--json");

        Assert.True(exit == 0, error);
        var init = JsonNode.Parse(output)!;
        Assert.Equal(keyPath, init["signingKeyFile"]!.GetValue<string>());
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyPath));
        Assert.False(File.Exists(db + ".signing-key.pem"));
        Assert.Equal(init["ledgerKeyId"]!.GetValue<string>(), SigningKey.KeyIdOf(new SigningKeyFileReader(keyPath).Pkcs8));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(db + ".operator-key"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(db));
        Directory.Delete(dir, recursive: true);
    }

    /// <summary>The DER of a PEM key file, read the way an operator's tools would (not through the code under test).</summary>
    private sealed class SigningKeyFileReader(string path)
    {
        public byte[] Pkcs8 { get; } = Convert.FromBase64String(string.Concat(File.ReadAllLines(path).Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));
    }
}
