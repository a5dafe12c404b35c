using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit;

namespace Likeness.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document passes Redocly's linter (npm <c>@redocly/cli</c>, installed by scripts/test.sh) with its
/// recommended rules: no error, and no warning but the one the product decides against (no licence is named in
/// <c>info</c>: the document does not choose a licence for the operator's API).
/// </summary>
public sealed class OpenApiLintTests(OpenApiDocumentFixture f) : IClassFixture<OpenApiDocumentFixture>
{
    private static readonly string[] AcceptedWarnings = ["info-license"];

    [Fact]
    public async Task Redocly_finds_no_error_in_the_served_document()
    {
        var file = Path.Combine(Path.GetTempPath(), $"likeness-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, f.Document.ToJsonString());
        try
        {
            var psi = new ProcessStartInfo("node", [Redocly(), "lint", file, "--format=json"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var node = Process.Start(psi)!;
            var output = await node.StandardOutput.ReadToEndAsync();
            var error = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            var report = JsonNode.Parse(output) ?? throw new InvalidOperationException(error);
            var problems = report["problems"]!.AsArray().Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
            Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0, string.Join("\n", problems));
            Assert.All(report["problems"]!.AsArray(), p => Assert.Contains(p!["ruleId"]!.GetValue<string>(), AcceptedWarnings));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Redocly()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var cli = Path.Combine(d.FullName, "tests", "oracles", "node_modules", "@redocly", "cli", "bin", "cli.js");
            if (File.Exists(cli))
            {
                return cli;
            }

            if (File.Exists(Path.Combine(d.FullName, "tests", "oracles", "package.json")))
            {
                throw new InvalidOperationException("tests/oracles/node_modules is missing: run scripts/test.sh (it installs the npm oracles).");
            }
        }

        throw new FileNotFoundException("tests/oracles is expected in the repository.");
    }
}
