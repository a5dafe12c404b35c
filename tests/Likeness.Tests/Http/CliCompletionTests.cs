using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Cli.Verbs;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// Shell completions (README, "Shell completions"): the <c>[suggest:POSITION]</c> directive suggests verbs, options and
/// known values, and the bash script from <c>likeness completion bash</c> gets them from it.
/// </summary>
public sealed class CliCompletionTests
{
    private static async Task<string[]> SuggestAsync(string line)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync($"[suggest:{line.Length}]", line);
        Assert.True(exit == 0, stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public async Task The_suggest_directive_suggests_verbs_options_and_values()
    {
        Assert.Equal(["render", "request"], await SuggestAsync("likeness re"));
        Assert.Contains("list", await SuggestAsync("likeness render "));
        Assert.Contains("entry", await SuggestAsync("likeness ledger "));
        var options = await SuggestAsync("likeness license list --");
        Assert.All(new[] { "--status", "--performer", "--studio", "--expiring-before", "--limit", "--cursor", "--all", "--json", "--server" }, o => Assert.Contains(o, options));
        Assert.Equal(["completed"], await SuggestAsync("likeness render list --status comp"));
        var shells = await SuggestAsync("likeness completion ");
        Assert.All(new[] { "bash", "zsh", "pwsh" }, s => Assert.Contains(s, shells));
        Assert.Equal(["current", "previous"], await SuggestAsync("likeness statements get --period "));
    }

    [Fact]
    public void The_status_values_the_cli_suggests_are_the_servers()
    {
        Assert.Equal(Vocabulary<RequestStatus>.AllNames.Order(), Statuses.Requests.Order());
        Assert.Equal(Vocabulary<RenderStatus>.AllNames.Order(), Statuses.Renders.Order());
        Assert.Equal(Enum.GetValues<LicenseStatus>().Select(LicenseViews.StatusName).Order(), Statuses.Licenses.Order());
    }

    [Fact]
    public async Task The_bash_script_completes_through_likeness()
    {
        using var cli = new CliOnPath();
        var work = Directory.CreateTempSubdirectory("likeness-completion-").FullName;
        const string script = """
            set -e
            eval "$(likeness completion bash)"
            complete -p likeness
            COMP_LINE='likeness request li'; COMP_POINT=${#COMP_LINE}
            _likeness_complete
            printf 'got:%s\n' "${COMPREPLY[@]}"
            """;
        var (exit, stdout, stderr) = await BashProcess.RunAsync(script, work, cli, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));
        Assert.True(exit == 0, stderr);
        Assert.Contains("-F _likeness_complete likeness", stdout, StringComparison.Ordinal);
        Assert.Contains("got:list", stdout.Split('\n'));
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task Each_shell_has_a_script_and_another_shell_is_one_line_exit_1()
    {
        foreach (var shell in new[] { "bash", "zsh", "pwsh" })
        {
            var (exit, script, err) = await CliProcess.RunAsync("completion", shell);
            Assert.True(exit == 0, err);
            Assert.Contains("[suggest:", script, StringComparison.Ordinal);
        }

        var (fish, _, fishErr) = await CliProcess.RunAsync("completion", "fish");
        Assert.Equal(1, fish);
        Assert.StartsWith("likeness: SHELL: \"fish\" is not one of bash, zsh, pwsh", fishErr, StringComparison.Ordinal);
    }
}
