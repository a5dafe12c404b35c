using System.CommandLine;
using System.CommandLine.Invocation;
using Likeness.Cli;
using Likeness.Cli.Verbs;

var parse = CommandTree.Build().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parse.Action is ParseErrorAction)
{
    return ParseErrors.Report(parse);
}

try
{
    // The host of 'serve' handles Ctrl+C and SIGTERM itself (a graceful stop), so the parser does not.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
}
catch (Exception e)
{
    // No input ends in a stack trace: what a verb did not expect is still one line (and exit 1).
    Console.Error.WriteLine($"likeness: unexpected {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
    return ExitCodes.Failed;
}
