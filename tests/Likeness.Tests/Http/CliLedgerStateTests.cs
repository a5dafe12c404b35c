using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// What the CLI keeps per server (README, "Verify the ledger"): <c>ledger verify</c>'s trusted checkpoint and pinned key
/// in the user's configuration folder, owner-only; and <c>ledger entry N</c>, decoded and proven against that checkpoint.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CliLedgerStateTests : WorldTests
{
    private readonly string _state = Directory.CreateTempSubdirectory("likeness-state-test-").FullName;

    public CliLedgerStateTests()
        : base(Provider.Sqlite)
    {
    }

    private string ServerFolder(string root) => Path.Combine(root, $"127.0.0.1_{new Uri(Server.Url).Port}");

    private Task<(int Exit, string Out, string Err)> As(Actor who, params string[] args) =>
        CliProcess.RunAsync(new Dictionary<string, string> { ["LIKENESS_STATE_DIR"] = _state }, [.. args, "--server", Server.Url, "--key", who.Key]);

    [Fact]
    public async Task Verify_keeps_the_checkpoint_and_pinned_key_per_server_in_the_configuration_folder_owner_only()
    {
        var config = Directory.CreateTempSubdirectory("likeness-xdg-").FullName;
        var env = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config, ["LIKENESS_STATE_DIR"] = "" };
        var (e1, o1, err1) = await CliProcess.RunAsync(env, "ledger", "verify", "--server", Server.Url);
        Assert.True(e1 == 0, err1);
        Assert.Contains("no trusted checkpoint before", o1, StringComparison.Ordinal);

        var folder = ServerFolder(Path.Combine(config, "likeness", "servers"));
        var checkpoint = Path.Combine(folder, "checkpoint");
        Assert.Contains($"trusted checkpoint kept in {checkpoint}", o1, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        foreach (var file in new[] { checkpoint, Path.Combine(folder, "ledger-key.json") })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await W.RenderAsync(W.LicenseId, 3);
        var (e2, o2, err2) = await CliProcess.RunAsync(env, "ledger", "verify", "--server", Server.Url, "--json");
        Assert.True(e2 == 0, err2);
        Assert.Empty(err2); // redirected: no progress display, and the key was pinned before
        var verified = JsonNode.Parse(o2)!;
        Assert.NotNull(verified["consistentWith"]);
        Assert.Equal(checkpoint, verified["trustedCheckpoint"]!.GetValue<string>());

        // --state-dir names another folder; a checkpoint kept there is another trust.
        var other = Directory.CreateTempSubdirectory("likeness-state-dir-").FullName;
        var (e3, o3, err3) = await CliProcess.RunAsync(env, "ledger", "verify", "--server", Server.Url, "--state-dir", other);
        Assert.True(e3 == 0, err3);
        Assert.Contains("no trusted checkpoint before", o3, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ServerFolder(other), "checkpoint")));
        Directory.Delete(config, recursive: true);
        Directory.Delete(other, recursive: true);
    }

    [Fact]
    public async Task Ledger_entry_is_decoded_and_proven_against_the_trusted_checkpoint()
    {
        var consent = (await LedgerScan.FirstAsync(W, "consent.version")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (unproven, before, beforeErr) = await As(W.Performer, "ledger", "entry", consent);
        Assert.True(unproven == 0, beforeErr);
        Assert.Contains($"entry {consent} not proven: no trusted checkpoint", before, StringComparison.Ordinal);
        Assert.Contains("consent", before, StringComparison.Ordinal);

        Assert.Equal(0, (await As(W.Auditor, "ledger", "verify")).Exit);
        var (proven, after, afterErr) = await As(W.Performer, "ledger", "entry", consent);
        Assert.True(proven == 0, afterErr);
        Assert.Contains("included in the trusted checkpoint of size", after, StringComparison.Ordinal);
        Assert.Contains(W.Performer.Id, after, StringComparison.Ordinal);
        Assert.All(after.Split('\n'), line => Assert.DoesNotContain("\\u0022", line, StringComparison.Ordinal));

        // An entry newer than the trusted checkpoint is shown unproven; --json prints the server's answer, the note on stderr.
        var render = JsonNode.Parse((await As(W.Studio, "render", "authorize", "--license", W.LicenseId, "--modality", "voice", "--purpose", "dubbing", "--territory", "JP", "--language", "ja", "--seconds", "2", "--json")).Out)!;
        var index = render["ledgerIndex"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (newer, json, newerErr) = await As(W.Studio, "ledger", "entry", index, "--json");
        Assert.Equal(0, newer);
        var entry = JsonNode.Parse(json)!;
        Assert.Equal(render["ledgerIndex"]!.GetValue<long>(), entry["index"]!.GetValue<long>());
        Assert.NotNull(entry["decoded"]);
        Assert.Contains("is older than it", newerErr, StringComparison.Ordinal);

        Assert.Equal(5, (await As(W.Auditor, "ledger", "entry", "999999")).Exit);
        Assert.Equal(5, (await As(W.OtherStudio, "ledger", "entry", index)).Exit); // an entry that does not concern it
        var (bad, _, badErr) = await As(W.Auditor, "ledger", "entry", "first");
        Assert.Equal(1, bad);
        Assert.Contains("INDEX: \"first\" is not a whole number", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_whose_proof_fails_against_the_trusted_checkpoint_exits_1()
    {
        Assert.Equal(0, (await As(W.Auditor, "ledger", "verify")).Exit);
        var checkpoint = Path.Combine(ServerFolder(_state), "checkpoint");
        var lines = (await File.ReadAllTextAsync(checkpoint)).Split('\n');
        lines[2] = Convert.ToBase64String(new byte[32]); // another root at the same size
        await File.WriteAllTextAsync(checkpoint, string.Join('\n', lines));

        var consent = (await LedgerScan.FirstAsync(W, "consent.version")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, _, err) = await As(W.Performer, "ledger", "entry", consent);
        Assert.Equal(1, exit);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains($"entry {consent} is not in the trusted log", err, StringComparison.Ordinal);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_state, recursive: true);
    }
}
