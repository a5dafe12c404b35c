using System.Text.Json.Nodes;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;
using Likeness.Domain.Policy;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>
/// The data-driven corpus (tests/Likeness.Tests/Corpus/*.json) that pins the evaluator's semantics: each case
/// is a consent, a licence, budgets, a render, and the expected decision, reasons (code, or code@rule) and
/// obligations.
/// </summary>
public sealed class DecisionCorpusTests
{
    private static string CorpusDir => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in Directory.GetFiles(CorpusDir, "*.json").Order(StringComparer.Ordinal))
        {
            var cases = JsonNode.Parse(File.ReadAllText(file))!["cases"]!.AsArray();
            for (var i = 0; i < cases.Count; i++)
            {
                data.Add(Path.GetFileName(file), i, cases[i]!["name"]!.GetValue<string>());
            }
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_80_cases() => Assert.True(Cases().Count >= 80);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string name)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusDir, file)))!;
        var c = doc["cases"]![index]!;
        var consent = CompiledConsent.Compile(PolicyParser.Parse(doc["consent"]!.ToJsonString()), 1);
        var lic = doc["license"]!.AsObject();
        var uses = Json.Deserialize<UseBody[]>(System.Text.Encoding.UTF8.GetBytes(lic["uses"]!.ToJsonString()));
        var compensation = lic["compensation"] is { } comp ? Json.Deserialize<CompensationBody>(System.Text.Encoding.UTF8.GetBytes(comp.ToJsonString())) : null;
        var terms = TermsMapper.ToTerms("corpus", "corpus", uses, compensation);
        var over = c["license"] as JsonObject ?? [];
        var status = over["status"] is { } st && Vocabulary<LicenseStatus>.TryParse(st.GetValue<string>(), out var s) ? s : LicenseStatus.Active;
        DateTimeOffset? revocation = over["revocationEffectiveAt"] is { } r ? DateTimeOffset.Parse(r.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;
        var license = CompiledLicense.Compile("lic", "prf", "std", terms, status, revocation,
            over["performerDeceased"]?.GetValue<bool>() ?? false, over["estateConfirmed"]?.GetValue<bool>() ?? false, consent, 0);

        var budgets = new UseBudget[terms.Uses.Count];
        if (c["budgets"] is JsonArray b)
        {
            for (var i = 0; i < b.Count; i++)
            {
                long Ms(string k) => (long)((b[i]![k]?.GetValue<decimal>() ?? 0m) * 1000m);
                long N(string k) => b[i]![k]?.GetValue<long>() ?? 0;
                budgets[i] = new UseBudget(Ms("secondsUsed"), Ms("secondsReserved"), N("rendersUsed"), N("rendersReserved"));
            }
        }

        var render = doc["base"]!.DeepClone().AsObject();
        foreach (var (k, v) in c["render"]!.AsObject())
        {
            render[k] = v?.DeepClone();
        }

        var at = DateTimeOffset.Parse(render["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        render.Remove("at");
        render["licenseId"] = "lic";
        var facts = RenderFactsParser.Parse(Json.Deserialize<RenderBody>(System.Text.Encoding.UTF8.GetBytes(render.ToJsonString())), at);
        var approved = c["instanceApproved"]?.GetValue<bool>() ?? doc["instanceApproved"]?.GetValue<bool>() ?? false;

        var builder = new DecisionBuilder();
        RenderEvaluator.Decide(license, facts, budgets, approved, builder);
        var decision = builder.Build();

        var expect = c["expect"]!;
        var effect = decision.Effect switch { DecisionEffect.Permit => "permit", DecisionEffect.Deny => "deny", _ => "pending" };
        var actual = string.Join(", ", decision.Reasons.Select(x => $"{x.WireCode}@{x.Rule}"));
        Assert.True(expect["decision"]!.GetValue<string>() == effect, $"{name}: expected {expect["decision"]}, got {effect} ({actual})");
        if (expect["reasons"] is JsonArray reasons)
        {
            var wanted = reasons.Select(x => x!.GetValue<string>()).ToList();
            Assert.Equal(
                wanted.Select(w => w.Split('@')[0]).Distinct().Order(StringComparer.Ordinal),
                decision.Reasons.Select(x => x.WireCode).Distinct().Order(StringComparer.Ordinal));
            foreach (var w in wanted.Where(w => w.Contains('@', StringComparison.Ordinal)))
            {
                Assert.True(decision.Reasons.Any(x => $"{x.WireCode}@{x.Rule}" == w), $"{name}: missing {w} in {actual}");
            }
        }

        if (expect["obligations"] is JsonArray obligations)
        {
            Assert.Equal(
                obligations.Select(x => x!.GetValue<string>()).Order(StringComparer.Ordinal),
                decision.Obligations.Select(o => o.Action).Distinct().Order(StringComparer.Ordinal));
        }
    }
}
