using System.Diagnostics;
using System.Globalization;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Storage.Sqlite;

namespace Likeness.Bench;

/// <summary>
/// <c>bench denials</c>: a routine denied render through the gateway's use case in process (no HTTP): the licence is
/// for Japan, the request for the United States. Measures what a denial costs end to end in the application: parse,
/// snapshot, decide, read the budgets to list every reason, answer. Written so that it also builds against the
/// builds where a denial was thrown (issue 11's before/after).
/// </summary>
public static class DenialHarness
{
    public static async Task RunAsync(int denials)
    {
        var dir = Directory.CreateTempSubdirectory("likeness-bench-").FullName;
        try
        {
            await using var store = new SqliteStore(Path.Combine(dir, "denials.db"));
            using var core = await LikenessCore.OpenAsync(store, Likeness.Server.StoreFactory.SigningKeys(Path.Combine(dir, "denials.db"), null), TimeProvider.System, new LikenessOptions());
            var (studio, license) = await CompareHarness.SetupAsync(core);
            var body = new RenderBody(license, "voice", "dubbing", "US", "ja", 2);
            for (var i = 0; i < 20_000; i++)
            {
                await DenyAsync(core, studio, body);
            }

            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < denials; i++)
            {
                await DenyAsync(core, studio, body);
            }

            var elapsed = sw.Elapsed;
            var bytes = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / denials;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"denied render in process, one at a time: {elapsed.TotalMicroseconds / denials:F2} µs each ({denials / elapsed.TotalSeconds:N0}/s), {bytes:N0} B allocated each"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task DenyAsync(LikenessCore core, Likeness.Application.Model.PartyRecord studio, RenderBody body)
    {
        try
        {
            var outcome = await core.Renders.AuthorizeAsync(studio, body, null);
            if (outcome.Status != 403)
            {
                throw new InvalidOperationException($"expected a denial, got {outcome.Status}");
            }
        }
        catch (AppProblem p) when (p.Status == 403)
        {
            // The builds before issue 11 threw the denial.
        }
    }
}
