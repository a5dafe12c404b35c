using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Likeness.Ledger;

namespace Likeness.Bench;

/// <summary>
/// The auditor's replay with power checks (issue 14), in process: a log that records its parties, a performer's grant to
/// a representative, and then, in every ten entries, three renders authorized and completed, one render waiting and
/// approved by the representative, a consent version and a splits version by the representative (each an act checked
/// against her grant). Timed against the floor of any replay of the same bytes: parsing each entry as JSON, in the same run.
/// </summary>
public static class ReplayHarness
{
    public static void Run(int entries)
    {
        var log = Build(entries);
        Console.WriteLine($"log: {log.Count:N0} entries, {log.Sum(e => (long)e.Length):N0} bytes");
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            long members = 0;
            foreach (var e in log)
            {
                using var doc = JsonDocument.Parse(e);
                members += doc.RootElement.GetPropertyCount();
            }

            var parse = sw.Elapsed;
            sw.Restart();
            var finding = LedgerAudit.Check(log);
            var replay = sw.Elapsed;
            if (finding is not null)
            {
                throw new InvalidOperationException($"the bench's story broke at {finding.Index}: {finding.Problem}");
            }

            Console.WriteLine($"round {round + 1}: replay with power checks {replay.TotalSeconds:F2} s ({log.Count / replay.TotalSeconds:N0} entries/s); " +
                $"JSON parse only (the floor) {parse.TotalSeconds:F2} s ({members:N0} members); ratio {replay / parse:F2}");
        }
    }

    private static List<byte[]> Build(int entries)
    {
        const string at = "2026-11-22T00:00:00.000Z";
        var log = new List<byte[]>(entries);
        void Add(string json) => log.Add(Encoding.UTF8.GetBytes(json));
        Add($$"""{"apiKeySha256":"00","at":"{{at}}","kind":"party.created","party":"op_1","partyKind":"operator","v":1}""");
        foreach (var (id, kind) in new[] { ("prf_1", "performer"), ("rep_1", "representative"), ("std_1", "studio") })
        {
            Add($$"""{"apiKeySha256":"00","at":"{{at}}","by":"op_1","kind":"party.created","party":"{{id}}","partyKind":"{{kind}}","v":1}""");
        }

        Add($$"""{"at":"{{at}}","by":"prf_1","kind":"consent.version","performer":"prf_1","policySha256":"00","v":1,"version":1}""");
        Add($$"""{"at":"{{at}}","by":"prf_1","kind":"representative.granted","performer":"prf_1","powers":"consent,approve,counter,veto,renders,statements","representative":"rep_1","role":"agent","v":1}""");
        Add($$"""{"at":"{{at}}","by":"rep_1","consentVersion":1,"kind":"license.approved","license":"lic_1","performer":"prf_1","request":"lrq_1","studio":"std_1","termEnd":"2030-01-01T00:00:00.000Z","termsSha256":"00","v":1}""");
        for (var block = 0L; log.Count < entries; block++)
        {
            for (var r = 0; r < 3; r++)
            {
                var id = $"rnd_{block:D10}{r}";
                Add($$"""{"at":"{{at}}","kind":"render.authorized","license":"lic_1","modality":"voice","render":"{{id}}","requestSha256":"00","requestedMs":1000,"reservedMs":1000,"use":0,"v":1}""");
                Add($$"""{"actualMs":900,"at":"{{at}}","kind":"render.completed","license":"lic_1","outputSha256":"00","render":"{{id}}","reservedMs":1000,"use":0,"v":1}""");
            }

            var pending = $"rnd_{block:D10}p";
            Add($$"""{"at":"{{at}}","kind":"render.pending","license":"lic_1","modality":"voice","render":"{{pending}}","requestSha256":"00","requestedMs":1000,"reservedMs":0,"use":0,"v":1}""");
            Add($$"""{"at":"{{at}}","by":"rep_1","kind":"render.approved","license":"lic_1","modality":"voice","render":"{{pending}}","reservedMs":1000,"use":0,"v":1}""");
            Add($$"""{"at":"{{at}}","by":"rep_1","kind":"consent.version","performer":"prf_1","policySha256":"00","v":1,"version":{{block + 2}}}""");
            Add($$"""{"at":"{{at}}","by":"rep_1","kind":"splits.version","performer":"prf_1","splitsSha256":"00","v":1,"version":{{block + 1}}}""");
        }

        return log;
    }
}
