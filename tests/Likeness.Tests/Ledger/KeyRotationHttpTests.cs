using System.Text;
using System.Text.Json.Nodes;
using Likeness.Application.Licensing;
using Likeness.Ledger;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// Rotating the ledger's signing key end to end: the operator rotates (idempotently); a <c>key.rotated</c> entry
/// signed by the old key announces the new one; checkpoints and licence tokens after it are signed by the new key
/// (tokens name it in <c>kid</c>); <c>ledger verify</c> with the old key pinned follows the rotation; a restarted
/// node, and another node of the store, sign with the new key.
/// </summary>
public abstract class KeyRotationHttpTests(Provider provider) : WorldTests(provider)
{
    private async Task<JsonNode> KeyAsync()
    {
        var (status, key) = await Server.Client(null).GetJsonAsync("/v1/ledger/key");
        Assert.Equal(200, status);
        return key!;
    }

    private static byte[] Spki(JsonNode key) => Convert.FromBase64String(key["publicKeySpki"]!.GetValue<string>());

    private static string Id(JsonNode key) => key["keyId"]!.GetValue<string>();

    private async Task<JsonNode> RotateAsync(string? idempotencyKey = null)
    {
        var (status, key) = await W.As(W.Operator).PostAsync("/v1/ledger/key/rotate", null, idempotencyKey);
        Assert.True(status == 200, key?.ToJsonString());
        return key!;
    }

    /// <summary>The <c>kid</c> of a compact JWS's protected header.</summary>
    private static string Kid(string token) =>
        JsonNode.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[0]))!["kid"]!.GetValue<string>();

    /// <summary>
    /// The latest checkpoint once it includes entry <paramref name="index"/>: the background sequencer may store one
    /// from an older snapshot first, which the test's own integration then answers.
    /// </summary>
    protected static async Task<string> CheckpointNoteAsync(TestServer server, long index = -1)
    {
        string note = "";
        Assert.True(await NodeProcess.EventuallyAsync(
            async () =>
            {
                await server.Server.Core.Ledger.IntegrateAsync();
                note = await server.Client(null).GetStringAsync("/v1/ledger/checkpoint");
                return long.Parse(note.Split('\n')[1], System.Globalization.CultureInfo.InvariantCulture) > index;
            },
            TimeSpan.FromSeconds(10)));
        return note;
    }

    [Fact]
    public async Task A_rotation_is_an_entry_the_old_key_signed_and_the_checkpoints_after_it_open_with_the_new_key_only()
    {
        await CheckpointNoteAsync(Server);
        var before = await KeyAsync();
        Assert.Empty(before["previous"]!.AsArray());
        Assert.Empty(before["rotations"]!.AsArray());

        Assert.Equal(403, (await W.As(W.Auditor).PostAsync("/v1/ledger/key/rotate")).Status);
        var rotated = await RotateAsync("rotate-once");
        var again = await RotateAsync("rotate-once");
        Assert.Equal(rotated.ToJsonString(), again.ToJsonString());

        var after = await KeyAsync();
        Assert.Equal(Id(rotated), Id(after));
        Assert.NotEqual(Id(before), Id(after));
        var previous = Assert.Single(after["previous"]!.AsArray())!;
        Assert.Equal(Id(before), Id(previous));
        Assert.Equal(Spki(before), Spki(previous));
        var rotation = Assert.Single(after["rotations"]!.AsArray())!;
        var index = rotation["index"]!.GetValue<long>();
        Assert.Equal(index, previous["retiredAt"]!.GetValue<long>());

        var (es, entry) = await W.As(W.Auditor).GetJsonAsync($"/v1/ledger/entries/{index}");
        Assert.Equal(200, es);
        Assert.Equal(rotation["entry"]!.GetValue<string>(), entry!["entry"]!.GetValue<string>());
        Assert.True(KeyRotation.TryRead(Convert.FromBase64String(entry["entry"]!.GetValue<string>()), out var announced, out var problem), problem);
        Assert.True(announced.IsSignedBy(Spki(before)));
        Assert.Equal(Spki(after), announced.Spki);
        Assert.Equal(Id(after), announced.KeyId);

        var note = await CheckpointNoteAsync(Server, index);
        var name = after["keyName"]!.GetValue<string>();
        Assert.True(Checkpoint.Open(note, name, Spki(after)).Size > index);
        Assert.Throws<FormatException>(() => Checkpoint.Open(note, name, Spki(before)));
    }

    [Fact]
    public async Task Ledger_verify_with_the_key_pinned_before_a_rotation_follows_it()
    {
        await CheckpointNoteAsync(Server);
        var trusted = Path.Combine(Server.Dir, "trusted.checkpoint");
        var (e1, o1, err1) = await CliProcess.RunAsync("ledger", "verify", "--server", Server.Url, "--trusted-checkpoint", trusted, "--key", W.Auditor.Key, "--json");
        Assert.True(e1 == 0, err1);
        var pinned = JsonNode.Parse(await File.ReadAllTextAsync(trusted + ".key"))!;

        var rotated = await RotateAsync();
        await W.RenderAsync(W.LicenseId, 2);
        await CheckpointNoteAsync(Server, rotated["rotations"]![0]!["index"]!.GetValue<long>());
        var (e2, o2, err2) = await CliProcess.RunAsync("ledger", "verify", "--server", Server.Url, "--trusted-checkpoint", trusted, "--key", W.Auditor.Key, "--json");

        Assert.True(e2 == 0, err2);
        var second = JsonNode.Parse(o2)!;
        Assert.Equal(Id(rotated), second["signedBy"]!.GetValue<string>());
        Assert.Equal(1, second["rotationsFollowed"]!.GetValue<int>());
        Assert.Equal(JsonNode.Parse(o1)!["size"]!.GetValue<long>(), second["consistentWith"]!.GetValue<long>());
        Assert.Contains("story holds", second["story"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Id(pinned), Id(JsonNode.Parse(await File.ReadAllTextAsync(trusted + ".key"))!));
    }

    [Fact]
    public async Task A_licence_token_names_its_key_in_kid_and_one_granted_after_a_rotation_names_the_new_key()
    {
        var before = await KeyAsync();
        var (_, first) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses/{W.LicenseId}");
        var oldToken = first!["token"]!.GetValue<string>();
        Assert.Equal(Id(before), Kid(oldToken));

        var rotated = await RotateAsync();
        var licenseId = await W.LicenseAsync(World.Use(), null);
        var (_, second) = await W.As(W.Studio).GetJsonAsync($"/v1/licenses/{licenseId}");
        var newToken = second!["token"]!.GetValue<string>();

        Assert.Equal(Id(rotated), Kid(newToken));
        Assert.NotNull(KeyRing.VerifyJws(newToken, Spki(rotated)));
        Assert.Null(KeyRing.VerifyJws(newToken, Spki(before)));

        // An older token still verifies, under the key its kid names among the previous keys.
        var named = (await KeyAsync())["previous"]!.AsArray().Single(k => Id(k!) == Kid(oldToken))!;
        Assert.NotNull(KeyRing.VerifyJws(oldToken, Spki(named)));
    }

    [Fact]
    public async Task A_restarted_node_signs_with_the_rotated_key_from_the_key_file()
    {
        var rotated = await RotateAsync();
        await Server.DisposeAsync();
        Server = await Server.StartAnotherAsync();

        Assert.Equal(Id(rotated), Id(await KeyAsync()));
        Assert.Equal(Id(rotated), Server.Server.Core.Keys.Current.KeyId);
        var (rs, render) = await Server.Client(W.Studio.Key).PostAsync("/v1/renders", World.RenderBody(W.LicenseId, 2));
        Assert.True(rs == 201, render?.ToJsonString());
        var note = await CheckpointNoteAsync(Server, render!["ledgerIndex"]!.GetValue<long>());
        Assert.True(Checkpoint.Open(note, rotated["keyName"]!.GetValue<string>(), Spki(rotated)).Size > render!["ledgerIndex"]!.GetValue<long>());
        Assert.Contains("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(Server.Server.Core.Keys.Location), StringComparison.Ordinal);
        Assert.Equal(Id(rotated), SigningKey.KeyIdOf(Convert.FromBase64String(string.Concat((await File.ReadAllLinesAsync(Server.Server.Core.Keys.Location)).Where(l => !l.StartsWith("-----", StringComparison.Ordinal))))));
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class KeyRotationHttpTestsOnSqlite() : KeyRotationHttpTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL, and a second node of the store that picks the rotated key up.</summary>
public sealed class KeyRotationHttpTestsOnPostgres() : KeyRotationHttpTests(Provider.Postgres)
{
    [Fact]
    public async Task Another_node_of_the_store_signs_with_the_key_a_rotation_on_the_first_announced()
    {
        await using var other = await Server.StartAnotherAsync();
        var (status, rotated) = await W.As(W.Operator).PostAsync("/v1/ledger/key/rotate");
        Assert.Equal(200, status);
        var keyId = rotated!["keyId"]!.GetValue<string>();

        // The other node learns of the rotation from the change feed and loads the key from the shared key file.
        Assert.True(await NodeProcess.EventuallyAsync(() => Task.FromResult(other.Server.Core.Keys.Current.KeyId == keyId), TimeSpan.FromSeconds(10)));
        var (rs, request) = await other.Client(W.Studio.Key).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } });
        Assert.Equal(201, rs);
        var (ls, license) = await other.Client(W.Performer.Key).PostAsync($"/v1/license-requests/{request!["id"]}/approve", new { });
        Assert.Equal(201, ls);
        var header = JsonNode.Parse(Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(license!["token"]!.GetValue<string>().Split('.')[0])))!;
        Assert.Equal(keyId, header["kid"]!.GetValue<string>());
        var note = await CheckpointNoteAsync(other, license["ledgerIndex"]!.GetValue<long>());
        Checkpoint.Open(note, rotated["keyName"]!.GetValue<string>(), Convert.FromBase64String(rotated["publicKeySpki"]!.GetValue<string>()));
    }
}
