using BenchmarkDotNet.Attributes;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Renders;
using Likeness.Domain.Decisions;
using Likeness.Domain.Policy;

namespace Likeness.Bench;

/// <summary>The hot path's pieces: one decision (licence + consent of 100 rules), compiling a snapshot, parsing a render request.</summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private readonly DecisionScenario _s = new();
    private readonly DecisionBuilder _builder = new();
    private readonly byte[] _requestJson = System.Text.Encoding.UTF8.GetBytes(
        """{"licenseId":"lic_0193","modality":"voice","purpose":"dubbing","territory":"JP","language":"ja-JP","requestedSeconds":30,"contentCategories":[],"prompt":"Captain Vale orders the crew to raise the sails.","derivation":"newPerformance","deliverable":"line-0001"}""");
    private int _next;

    [Benchmark(Description = "decide (permit or deny, 100-rule consent)")]
    public DecisionEffect Decide() =>
        RenderEvaluator.Decide(_s.License, _s.Facts[_next++ & 3], _s.Budgets, instanceApproved: false, _builder);

    [Benchmark(Description = "compile a licence snapshot")]
    public object CompileSnapshot() => _s.Compile();

    [Benchmark(Description = "compile a 100-rule consent")]
    public object CompileConsent() => CompiledConsent.Compile(PolicyParser.Parse(_s.ConsentJson), 1);

    [Benchmark(Description = "parse and validate a render request")]
    public RenderFacts ParseRequest() => RenderFactsParser.Parse(Json.Deserialize<RenderBody>(_requestJson), _s.At);
}
