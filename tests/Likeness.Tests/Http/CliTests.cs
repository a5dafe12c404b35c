using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>The whole loop again, through the <c>likeness</c> command line against a real server.</summary>
public sealed class CliTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliProcess.RunAsync(args);

    [Fact]
    public async Task Init_is_idempotent_and_the_loop_runs_through_the_cli()
    {
        var dir = Directory.CreateTempSubdirectory("likeness-cli-").FullName;
        var db = Path.Combine(dir, "cli.db");
        var (e1, o1, _) = await Run("init", "--db", db, "--json");
        Assert.Equal(0, e1);
        Assert.StartsWith("lk_", JsonNode.Parse(o1)!["operatorKey"]!.GetValue<string>(), StringComparison.Ordinal);
        var (e2, o2, _) = await Run("init", "--db", db);
        Assert.Equal(0, e2);
        Assert.Contains("already initialised", o2, StringComparison.Ordinal);

        await using var server = await TestServer.StartAsync();
        string[] As(string key, params string[] args) => [.. args, "--server", server.Url, "--key", key, "--json"];
        async Task<JsonNode> Ok(params string[] args)
        {
            var (exit, stdout, stderr) = await Run(args);
            Assert.True(exit == 0, $"likeness {string.Join(' ', args.Take(3))}: {stderr}");
            return JsonNode.Parse(stdout)!;
        }

        var performer = await Ok(As(server.OperatorKey, "party", "create", "--kind", "performer", "--name", "Mara Quinn"));
        var studio = await Ok(As(server.OperatorKey, "party", "create", "--kind", "studio", "--name", "Northlight"));
        var pKey = performer["apiKey"]!.GetValue<string>();
        var sKey = studio["apiKey"]!.GetValue<string>();
        var pId = performer["id"]!.GetValue<string>();

        await Ok(As(pKey, "asset", "add", pId, "--name", "voice v1", "--modality", "voice", "--tier", "behavioralEmulator"));
        var consentFile = Path.Combine(dir, "consent.json");
        await File.WriteAllTextAsync(consentFile, JsonSerializer.Serialize(World.DefaultConsent));
        Assert.Equal(1, (await Ok(As(pKey, "consent", "set", pId, "--file", consentFile)))["version"]!.GetValue<int>());

        var requestFile = Path.Combine(dir, "request.json");
        await File.WriteAllTextAsync(requestFile, JsonSerializer.Serialize(new { performerId = pId, project = "Skyward Tides", description = World.Description, uses = new[] { World.Use() } }));
        var request = await Ok(As(sKey, "request", "create", "--file", requestFile));
        var license = await Ok(As(pKey, "request", "approve", request["id"]!.GetValue<string>(), "--note", "ok"));
        var licenseId = license["id"]!.GetValue<string>();
        Assert.Equal("active", license["status"]!.GetValue<string>());

        var render = await Ok(As(sKey, "render", "authorize", "--license", licenseId, "--modality", "voice", "--purpose", "dubbing", "--territory", "JP", "--language", "ja", "--seconds", "12"));
        Assert.Equal("permit", render["decision"]!.GetValue<string>());
        await Ok(As(sKey, "render", "complete", render["renderId"]!.GetValue<string>(), "--seconds", "11.5", "--sha256", new string('a', 64)));
        var usage = await Ok(As(pKey, "usage", "--license", licenseId));
        Assert.Equal(11.5m, usage["items"]![0]!["seconds"]!.GetValue<decimal>());

        var (exit, _, err) = await Run(As(sKey, "render", "authorize", "--license", licenseId, "--modality", "face", "--purpose", "dubbing", "--territory", "JP", "--language", "ja", "--seconds", "1"));
        Assert.Equal(2, exit);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains("modality_not_licensed", err, StringComparison.Ordinal);

        var (badExit, _, badErr) = await Run(As(sKey, "render", "complete", "rnd_nope", "--seconds", "1", "--sha256", "xyz"));
        Assert.Equal(1, badExit);
        Assert.Contains("invalid_hash", badErr, StringComparison.Ordinal);
        server.DeleteFiles();
        Directory.Delete(dir, recursive: true);
    }
}
