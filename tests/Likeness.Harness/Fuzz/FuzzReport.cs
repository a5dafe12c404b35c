using System.Text;

namespace Likeness.Tests.Support.Fuzz;

/// <summary>One failed check of one case: which check, the case, the answer's status, its problem code and an excerpt.</summary>
public sealed record FuzzFailure(string Check, FuzzCase Case, int Status, string? Code, string Excerpt)
{
    /// <summary>Failures of one class share the check, the mutation kind, the status and the code (one cause, often on many routes).</summary>
    public string Class => $"{Check} | {Case.Mutation} | {Status} {Code}".TrimEnd();
}

/// <summary>All the failures of a run, grouped by class, with the seed to run it again.</summary>
public sealed class FuzzReport(int seed, string provider)
{
    private readonly List<FuzzFailure> _failures = [];

    /// <summary>How many cases ran.</summary>
    public int Cases { get; set; }

    /// <summary>Every failure, in the order found.</summary>
    public IReadOnlyList<FuzzFailure> Failures => _failures;

    /// <summary>Adds a failure.</summary>
    public void Add(FuzzFailure failure) => _failures.Add(failure);

    /// <summary>The failures grouped by class, largest first.</summary>
    public IEnumerable<IGrouping<string, FuzzFailure>> Classes() =>
        _failures.GroupBy(f => f.Class, StringComparer.Ordinal).OrderBy(g => g.First().Check, StringComparer.Ordinal).ThenByDescending(g => g.Count());

    /// <summary>The report as text: the seed, then each class with its count, where it struck and its first case.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var classes = Classes().ToList();
        sb.AppendLine($"fuzz on {provider}: seed {seed} (LIKENESS_FUZZ_SEED={seed} repeats it), {Cases} cases, {_failures.Count} failed checks in {classes.Count} classes");
        foreach (var g in classes)
        {
            var first = g.First();
            var spots = string.Join(", ", g.Select(f => f.Case.Where + " " + f.Case.Detail).Distinct(StringComparer.Ordinal).Take(4));
            var routes = g.Select(f => f.Case.Route.Name).Distinct(StringComparer.Ordinal).ToList();
            sb.AppendLine($"- [{g.Count()}x] {g.Key}")
              .AppendLine($"    on {routes.Count} route(s): {string.Join(", ", routes.Take(6))}{(routes.Count > 6 ? ", …" : "")}")
              .AppendLine($"    e.g. {first.Case.Describe()}")
              .AppendLine($"    spots: {spots}")
              .AppendLine($"    answer: {first.Excerpt}");
        }

        return sb.ToString();
    }
}
