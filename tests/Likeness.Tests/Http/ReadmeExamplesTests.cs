using System.Net;
using System.Net.Sockets;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// The README's shell examples run as written (README, "Contributing: the README's examples run in CI"): its server
/// block started on a free port, every other block not marked as not run, in order, in one bash with <c>set -e</c>.
/// </summary>
public sealed class ReadmeExamplesTests
{
    private const string WrittenAddress = "127.0.0.1:8080";

    [Fact]
    public void Every_block_is_run_or_says_why_not_and_one_is_the_server()
    {
        var blocks = ReadmeBlocks.Read(File.ReadAllText(ReadmeBlocks.Path()));
        var server = Assert.Single(blocks, b => b.Kind == ReadmeBlockKind.Server);
        Assert.StartsWith("likeness serve ", server.Text.Trim(), StringComparison.Ordinal);
        Assert.All(blocks.Where(b => b.Kind == ReadmeBlockKind.NotRun), b => Assert.False(string.IsNullOrWhiteSpace(b.Reason), $"README line {b.Line}: a block not run says why"));
        Assert.True(blocks.Count(b => b.Kind == ReadmeBlockKind.Run) >= 5);
    }

    [Fact]
    public async Task The_examples_run_as_written_against_a_started_server()
    {
        var blocks = ReadmeBlocks.Read(File.ReadAllText(ReadmeBlocks.Path()));
        var work = Directory.CreateTempSubdirectory("likeness-readme-").FullName;
        var address = $"127.0.0.1:{FreePort()}";
        string Rewrite(string text) => text.Replace(WrittenAddress, address, StringComparison.Ordinal);

        // The server block's own arguments, with the port rewritten and the store's relative path made absolute (the
        // server runs from the test's folder; the examples run in the work folder, where that path leads to the store).
        var serve = Rewrite(blocks.Single(b => b.Kind == ReadmeBlockKind.Server).Text.Trim())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(a => a.StartsWith(".likeness/", StringComparison.Ordinal) ? Path.Combine(work, a) : a)
            .ToArray();
        await using var server = await ServeProcess.StartAsync("listening on", serve);
        using var cli = new CliOnPath();

        var script = "set -e\n" + string.Concat(blocks.Where(b => b.Kind == ReadmeBlockKind.Run)
            .Select(b => $"echo '--- README line {b.Line}' >&2\n{Rewrite(b.Text)}\n"));
        var (exit, stdout, stderr) = await BashProcess.RunAsync(
            script, work, cli, new Dictionary<string, string> { ["LIKENESS_STATE_DIR"] = Path.Combine(work, "state") }, TimeSpan.FromMinutes(4));

        Assert.True(exit == 0, $"the README's examples failed (exit {exit}); the last block started is the last '--- README line' below\n{Tail(stderr)}\nstdout:\n{Tail(stdout)}");
        Assert.Contains("exit 2", stdout.Split('\n')); // the denied render
        Assert.Contains("exit 6", stdout.Split('\n')); // closing the month before it ends
        Assert.Contains("ok: ", stdout, StringComparison.Ordinal);
        Directory.Delete(work, recursive: true);
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(40));

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
