using Likeness.Ledger.Verification;
using Spectre.Console;

namespace Likeness.Cli.Output;

/// <summary>
/// The progress of a ledger verification on stderr: a bar for the tiles and, for an auditor, one for the entries. Only
/// where a person watches (<see cref="Terminal.Interactive"/>); redirected output and <c>--json</c> get nothing extra.
/// </summary>
public static class VerifyProgress
{
    /// <summary>Runs <paramref name="verify"/>, showing what it reports when a person watches.</summary>
    public static async Task<T> ShowAsync<T>(bool json, Func<IProgress<LogProgress>?, Task<T>> verify)
    {
        if (json || !Terminal.Interactive)
        {
            return await verify(null);
        }

        return await Terminal.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(ctx => verify(new Bars(ctx)));
    }

    /// <summary>A bar per stage, added when the stage first reports (entries only for an auditor).</summary>
    private sealed class Bars(ProgressContext context) : IProgress<LogProgress>
    {
        private readonly Dictionary<LogStage, ProgressTask> _bars = [];

        public void Report(LogProgress value)
        {
            lock (_bars)
            {
                if (!_bars.TryGetValue(value.Stage, out var bar))
                {
                    bar = _bars[value.Stage] = context.AddTask(value.Stage == LogStage.Tiles ? "hash tiles" : "entries", maxValue: value.Total);
                }

                bar.Value = value.Done;
            }
        }
    }
}
