using Likeness.Application.Licensing;
using Likeness.Cli;

try
{
    return await Commands.RunAsync(new Args(args));
}
catch (CliException e)
{
    Console.Error.WriteLine($"likeness: {e.Message}");
    return e.ExitCode;
}
catch (Exception e) when (e is NotSupportedException or ArgumentException or IOException or UnauthorizedAccessException or FormatException or OverflowException or SigningKeyUnavailableException)
{
    Console.Error.WriteLine($"likeness: {e.Message.ReplaceLineEndings(" ")}");
    return 1;
}
