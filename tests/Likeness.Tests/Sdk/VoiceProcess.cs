using Likeness.Tests.Support;

namespace Likeness.Tests.Sdk;

/// <summary>Runs the built <c>likeness-voice</c> worker as a separate process, as a render farm would.</summary>
internal static class VoiceProcess
{
    public static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) =>
        ToolProcess.RunAsync("likeness-voice", new Dictionary<string, string>(), args);
}
