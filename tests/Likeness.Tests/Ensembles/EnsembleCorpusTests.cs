using System.Globalization;
using System.Text;
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

namespace Likeness.Tests.Ensembles;

/// <summary>
/// The ensemble corpus (tests/Likeness.Tests/Corpus/Ensembles/*.json): renders with several performers decided through
/// the same steps as <see cref="EnsembleService"/> (request parsing, reservations by share, each contributor's facts,
/// and <see cref="RenderEvaluator"/> on her own licence, consent, budget and caps), with each contributor's decision and
/// reasons, the render's, and each part's reserved and settled seconds.
/// </summary>
public sealed class EnsembleCorpusTests
{
    private static string CorpusDir => Path.Combine(AppContext.BaseDirectory, "Corpus", "Ensembles");

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

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string name)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusDir, file)))!;
        var c = doc["cases"]![index]!;
        var expect = c["expect"]!;
        var given = c["contributors"]!.AsArray().Select(x => (License: x![0]!.GetValue<string>(), Role: x[1]!.GetValue<string>(), Share: x[2]!.GetValue<int>())).ToArray();

        var render = doc["base"]!.DeepClone().AsObject();
        foreach (var (k, v) in c["render"] as JsonObject ?? [])
        {
            render[k] = v?.DeepClone();
        }

        var at = DateTimeOffset.Parse(render["at"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        render.Remove("at");
        render["contributors"] = new JsonArray([.. given.Select(g => (JsonNode)new JsonObject { ["licenseId"] = g.License, ["role"] = g.Role, ["share"] = g.Share })]);
        var body = Json.Deserialize<RenderBody>(Encoding.UTF8.GetBytes(render.ToJsonString()));

        RequestedContributor[] contributors;
        RenderBody recorded;
        try
        {
            (contributors, recorded) = EnsembleRequest.Parse(body);
        }
        catch (AppProblem e) when (expect["error"] is not null)
        {
            Assert.Equal((400, expect["error"]!.GetValue<string>()), (e.Status, e.Code));
            return;
        }

        Assert.True(expect["error"] is null, $"{name}: expected {expect["error"]}, the request was accepted");
        var facts = RenderFactsParser.Parse(recorded with { LicenseId = contributors[0].LicenseId }, at);
        var shares = contributors.Select(x => x.Share).ToArray();
        var reservations = EnsembleShares.Reservations(facts.RequestedMillis, shares);
        var approved = (c["approved"] as JsonArray ?? []).Select(x => x!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

        var decisions = new Decision[contributors.Length];
        for (var i = 0; i < contributors.Length; i++)
        {
            var key = contributors[i].LicenseId;
            var license = License(doc, key);
            var each = EnsembleRequest.For(facts, contributors[i].Role, reservations[i]);
            var budget = c["budgets"]?[key] is { } b ? new UseBudget(Ms(b, "secondsUsed"), Ms(b, "secondsReserved"), N(b, "rendersUsed"), N(b, "rendersReserved")) : default;
            var counters = (c["capCounters"]?[key] as JsonArray ?? []).Select(x =>
            {
                Assert.True(Vocabulary<Modality>.TryParse(x!["modality"]!.GetValue<string>(), out var modality));
                return new CapCounter(x["studio"]!.GetValue<string>(), modality, x["month"]!.GetValue<int>(), Ms(x, "secondsUsed"), Ms(x, "secondsReserved"), N(x, "rendersUsed"), N(x, "rendersReserved"));
            }).ToList();
            var caps = license.Consent.Caps.Select(cap => cap.Sum(counters, CapMonths.Of(each.AtUnixMillis), "std")).ToArray();
            var builder = new DecisionBuilder();
            RenderEvaluator.Decide(license, each, [budget], caps, approved.Contains(key), builder);
            decisions[i] = builder.Build();
        }

        // All must permit: any denial denies the render, else any wait keeps it pending.
        var effect = decisions.Any(d => d.Effect == DecisionEffect.Deny) ? "deny" : decisions.Any(d => d.Effect == DecisionEffect.PendingApproval) ? "pending" : "permit";
        var reasons = decisions.SelectMany((d, i) => d.Reasons.Select(r => $"{i}:{r.WireCode}@{r.Rule}")).ToList();
        Assert.True(expect["decision"]!.GetValue<string>() == effect, $"{name}: expected {expect["decision"]}, got {effect} ({string.Join(", ", reasons)})");
        Assert.Equal(expect["contributors"]!.AsArray().Select(x => x!.GetValue<string>()), decisions.Select(d => Effect(d.Effect)));
        if (expect["reasons"] is JsonArray wanted)
        {
            Assert.Equal(wanted.Select(x => x!.GetValue<string>()).Order(StringComparer.Ordinal), reasons.Order(StringComparer.Ordinal));
        }

        if (expect["reserved"] is JsonArray reserved)
        {
            Assert.Equal(reserved.Select(x => (long)(x!.GetValue<decimal>() * 1000m)), reservations);
        }

        if (expect["settled"] is JsonArray settled)
        {
            var actual = EnsembleShares.Settlements((long)(c["actualSeconds"]!.GetValue<decimal>() * 1000m), shares);
            Assert.Equal(settled.Select(x => (long)(x!.GetValue<decimal>() * 1000m)), actual);
            Assert.All(actual.Zip(reservations), p => Assert.True(p.First <= p.Second, $"{name}: a part settles more than it reserved"));
        }
    }

    private static string Effect(DecisionEffect e) => e switch { DecisionEffect.Permit => "permit", DecisionEffect.Deny => "deny", _ => "pending" };

    private static long Ms(JsonNode n, string k) => (long)((n[k]?.GetValue<decimal>() ?? 0m) * 1000m);

    private static long N(JsonNode n, string k) => n[k]?.GetValue<long>() ?? 0;

    /// <summary>A licence of the corpus: its own use (the file's use with the licence's members) under its performer's consent.</summary>
    private static CompiledLicense License(JsonNode doc, string key)
    {
        var spec = doc["licenses"]![key]!;
        var consent = CompiledConsent.Compile(PolicyParser.Parse(doc["consents"]![spec["consent"]!.GetValue<string>()]!.ToJsonString()), 1);
        var use = doc["use"]!.DeepClone().AsObject();
        foreach (var (k, v) in spec["use"]!.AsObject())
        {
            use[k] = v?.DeepClone();
        }

        var uses = Json.Deserialize<UseBody[]>(Encoding.UTF8.GetBytes(new JsonArray(use).ToJsonString()));
        var terms = TermsMapper.ToTerms("corpus", "corpus", uses, null);
        return CompiledLicense.Compile(key, "prf-" + key, "std", terms, LicenseStatus.Active, null, false, false, consent, 0);
    }
}
