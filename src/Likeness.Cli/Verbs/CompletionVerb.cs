using System.CommandLine;

namespace Likeness.Cli.Verbs;

/// <summary>
/// <c>completion bash | zsh | pwsh</c>: a script that has the shell ask <c>likeness</c> itself what may come next, through
/// System.CommandLine's <c>[suggest:POSITION]</c> directive (<c>likeness "[suggest:16]" "likeness render "</c> prints the
/// render verbs and the options, one a line). The suggestions are the command tree's own, so they never drift from it.
/// </summary>
public static class CompletionVerb
{
    private static readonly Dictionary<string, string> Scripts = new(StringComparer.Ordinal)
    {
        // COMP_LINE is the whole line and COMP_POINT the cursor in it, which is what the directive takes.
        ["bash"] = """
            # likeness completions for bash: eval "$(likeness completion bash)" (in ~/.bashrc)
            _likeness_complete() {
                local IFS=$'\n'
                COMPREPLY=($(likeness "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null))
            }
            complete -o default -F _likeness_complete likeness
            """,
        ["zsh"] = """
            # likeness completions for zsh: eval "$(likeness completion zsh)" (in ~/.zshrc, after compinit)
            _likeness() {
                local -a suggestions
                suggestions=(${(f)"$(likeness "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)"})
                compadd -a suggestions
            }
            compdef _likeness likeness
            """,
        ["pwsh"] = """
            # likeness completions for PowerShell: likeness completion pwsh | Out-String | Invoke-Expression (in $PROFILE)
            Register-ArgumentCompleter -Native -CommandName likeness -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                likeness "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }
            """,
    };

    public static Command Completion()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or pwsh" };
        shell.CompletionSources.Add([.. Scripts.Keys]);
        shell.Validators.Add(r =>
        {
            var value = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (!Scripts.ContainsKey(value))
            {
                r.AddError($"SHELL: \"{value}\" is not one of {string.Join(", ", Scripts.Keys)}");
            }
        });
        return Opt.Verb("completion", "Print a shell completion script: eval \"$(likeness completion bash)\"", shell)
            .Does((p, _) =>
            {
                Console.WriteLine(Scripts[p.GetValue(shell)!]);
                return Task.FromResult(ExitCodes.Ok);
            });
    }
}
