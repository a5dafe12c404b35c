namespace Likeness.Tests.Support;

/// <summary>Finds an entry by kind, read as the World's auditor: the log's first entries are the parties' creations, whose count tests should not hard-code.</summary>
public static class LedgerScan
{
    /// <summary>The index of the first entry of <paramref name="kind"/>, searched from 0 up to the log's size.</summary>
    public static async Task<long> FirstAsync(World w, string kind)
    {
        for (var k = 0; k < 10_000; k++)
        {
            var (status, entry) = await w.As(w.Auditor).GetJsonAsync($"/v1/ledger/entries/{k}");
            if (status == 404)
            {
                break;
            }

            if (entry?["decoded"]?["kind"]?.GetValue<string>() == kind)
            {
                return k;
            }
        }

        throw new InvalidOperationException($"no {kind} entry in the log");
    }
}
