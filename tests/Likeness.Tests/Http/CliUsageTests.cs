using System.Text.Json.Nodes;
using Likeness.Cli.Output;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>The command line itself: help, version, suggestions, errors that name the option, no stack trace for any input.</summary>
public sealed class CliUsageTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliProcess.RunAsync(args);

    [Fact]
    public async Task Help_lists_the_verbs_and_the_exit_codes_and_each_verb_has_its_own()
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (exit, help, _) = await Run(flag);
            Assert.Equal(0, exit);
            Assert.Contains("Exit codes:", help, StringComparison.Ordinal);
            Assert.Contains("3  pending approval", help, StringComparison.Ordinal);
            foreach (var verb in new[] { "init", "serve", "party", "asset", "consent", "request", "license", "render", "usage", "statements", "splits", "rates", "ledger" })
            {
                Assert.Contains(verb, help, StringComparison.Ordinal);
            }
        }

        var (e, renderHelp, _) = await Run("render", "authorize", "--help");
        Assert.Equal(0, e);
        Assert.Contains("--seconds", renderHelp, StringComparison.Ordinal);
        Assert.Contains("--server", renderHelp, StringComparison.Ordinal);
        var (se, serveHelp, _) = await Run("serve", "--help");
        Assert.Equal(0, se);
        foreach (var option in new[] { "--signing-key", "--cert", "--cert-key", "--cert-password", "--forwarded-headers", "--rate-limit-key", "--rate-limit-address", "--rate-limit-auth-failures", "--idempotency-retention", "--demo", "--urls" })
        {
            Assert.Contains(option, serveHelp, StringComparison.Ordinal);
        }

        var (ke, keyHelp, _) = await CliProcess.RunAsync(new Dictionary<string, string> { ["LIKENESS_KEY"] = "lk_secret-in-env", ["LIKENESS_DB"] = "Password=secret-in-env" }, "init", "--help");
        Assert.Equal(0, ke);
        Assert.DoesNotContain("secret-in-env", keyHelp, StringComparison.Ordinal);

        var (ve, version, _) = await Run("--version");
        Assert.Equal(0, ve);
        Assert.Matches(@"^\d+\.\d+", version.Trim());
    }

    [Fact]
    public async Task A_mistyped_verb_or_option_suggests_the_right_one()
    {
        var (exit, _, err) = await Run("rendr", "get", "rnd_1");
        Assert.Equal(1, exit);
        Assert.Contains("'rendr'", err, StringComparison.Ordinal);
        Assert.Contains("render", err.Replace("'rendr'", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var (oe, _, oerr) = await Run("usage", "--licence", "lic_1");
        Assert.Equal(1, oe);
        Assert.Contains("--license", oerr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", oerr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_names_its_option_and_a_missing_one_too()
    {
        var (exit, _, err) = await Run("render", "authorize", "--license", "lic_1", "--modality", "voice", "--purpose", "dubbing", "--territory", "JP", "--language", "ja", "--seconds", "thirty");
        Assert.Equal(1, exit);
        Assert.Contains("--seconds: \"thirty\" is not a number", err, StringComparison.Ordinal);

        var (me, _, merr) = await Run("render", "authorize", "--license", "lic_1");
        Assert.Equal(1, me);
        Assert.Contains("--modality", merr, StringComparison.Ordinal);

        var (le, _, lerr) = await Run("serve", "--db", "x.db", "--rate-limit-key", "many");
        Assert.Equal(1, le);
        Assert.Contains("--rate-limit-key: \"many\" is not a whole number", lerr, StringComparison.Ordinal);

        var (de, _, derr) = await Run("init");
        Assert.Equal(1, de);
        Assert.Contains("--db is required", derr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_proof_on_a_file_that_is_not_a_proof_is_one_line_and_exit_1()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-cli-proof-").FullName;
        var key = Path.Combine(dir, "key.json");
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        await File.WriteAllTextAsync(key, new JsonObject { ["keyName"] = "likeness.local/ledger", ["publicKeySpki"] = Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo()) }.ToJsonString());
        var files = new Dictionary<string, string>
        {
            ["not-json.json"] = "this is not JSON",
            ["array.json"] = "[1, 2, 3]",
            ["wrong-types.json"] = """{"checkpoint": 5, "index": "one", "leafHash": "!!", "proof": {}}""",
            ["bad-base64.json"] = """{"checkpoint": "x", "index": 1, "leafHash": "%%%", "proof": ["AAAA"]}""",
            ["empty.json"] = "",
        };
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(dir, name);
            await File.WriteAllTextAsync(path, text);
            var (exit, _, err) = await Run("ledger", "check-proof", path, "--ledger-key", key);
            Assert.True(exit == 1, $"{name}: exit {exit}: {err}");
            Assert.Single(err.Trim().Split('\n'));
            Assert.StartsWith("likeness: ", err, StringComparison.Ordinal);
        }

        var (me, _, merr) = await Run("ledger", "check-proof", Path.Combine(dir, "missing.json"), "--ledger-key", key);
        Assert.Equal(1, me);
        Assert.Single(merr.Trim().Split('\n'));
        Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [InlineData("USD", 6775, "USD 67.75")]
    [InlineData("JPY", 1200, "JPY 1,200")]
    [InlineData("BHD", 1250, "BHD 1.250")]
    [InlineData("EUR", -5, "EUR -0.05")]
    public void Money_uses_the_currencys_minor_units(string currency, long minor, string shown) =>
        Assert.Equal(shown, Money.Format(currency, minor));
}
