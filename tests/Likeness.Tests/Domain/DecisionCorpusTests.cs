using System.Text.Json.Nodes;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Application.Renders;
using Likeness.Application.Royalties;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;
using Likeness.Domain.Policy;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>
/// The data-driven corpus (tests/Likeness.Tests/Corpus/*.json) that pins the evaluator's semantics: each case
/// is a consent, a licence, budgets, a render, and the expected decision, reasons (code, or code@rule) and
/// obligations. A file of <c>"kind": "review"</c> holds licence requests instead, with the conflicts the review before
/// approval must find (RequestReview and UnionFloors).
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

    // Reason codes no corpus case can produce, and where each is pinned instead.
    private static readonly Dictionary<ReasonCode, string> DecidedOutsideTheCorpus = new()
    {
        [ReasonCode.LicenseNotFound] = "decided by RenderService before a snapshot exists; GatewayTests.An_unknown_licence_or_another_studios_is_denied_as_not_found",
        [ReasonCode.LicenseNotActive] = "a wire code API.md keeps for clients; nothing emits it now (suspended, revoked and expired say which)",
    };

    [Fact]
    public void Every_reason_code_appears_in_some_case()
    {
        // The Case theory proves each case's expected codes are exactly what the evaluator or the review gives, so the codes
        // named in expectations are codes the corpus really produces.
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(CorpusDir, "*.json"))
        {
            foreach (var c in JsonNode.Parse(File.ReadAllText(file))!["cases"]!.AsArray())
            {
                var expect = c!["expect"]!;
                foreach (var code in (expect["reasons"] as JsonArray ?? []).Concat(expect["conflicts"] as JsonArray ?? []))
                {
                    named.Add(code!.GetValue<string>().Split('@')[0]);
                }
            }
        }

        // The ensemble corpus (EnsembleCorpusTests) counts too: a contributor's role is only there; its reasons are "position:code@rule".
        foreach (var file in Directory.GetFiles(Path.Combine(CorpusDir, "Ensembles"), "*.json"))
        {
            foreach (var c in JsonNode.Parse(File.ReadAllText(file))!["cases"]!.AsArray())
            {
                foreach (var code in c!["expect"]!["reasons"] as JsonArray ?? [])
                {
                    named.Add(code!.GetValue<string>().Split('@')[0].Split(':')[^1]);
                }
            }
        }

        var missing = Enum.GetValues<ReasonCode>().Where(c => !named.Contains(ReasonCodes.WireName(c)) && !DecidedOutsideTheCorpus.ContainsKey(c)).ToList();
        Assert.True(missing.Count == 0, "No corpus case produces: " + string.Join(", ", missing.Select(ReasonCodes.WireName)));

        // An exemption that a case now covers is stale: the list says only what the corpus cannot reach.
        Assert.DoesNotContain(DecidedOutsideTheCorpus.Keys, c => named.Contains(ReasonCodes.WireName(c)));
        Assert.DoesNotContain(named, n => !ReasonCodes.AllWireNames.Contains(n));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string file, int index, string name)
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusDir, file)))!;
        var c = doc["cases"]![index]!;
        if (doc["kind"]?.GetValue<string>() == "review")
        {
            Review(doc, c, name);
            return;
        }

        var consent = CompiledConsent.Compile(PolicyParser.Parse(doc["consent"]!.ToJsonString()), 1);
        var lic = doc["license"]!.AsObject();
        var uses = Json.Deserialize<UseBody[]>(System.Text.Encoding.UTF8.GetBytes(lic["uses"]!.ToJsonString()));
        var compensation = lic["compensation"] is { } comp ? Json.Deserialize<CompensationBody>(System.Text.Encoding.UTF8.GetBytes(comp.ToJsonString())) : null;
        var terms = TermsMapper.ToTerms("corpus", "corpus", uses, compensation);
        var over = c["license"] as JsonObject ?? [];
        var status = over["status"] is { } st && Vocabulary<LicenseStatus>.TryParse(st.GetValue<string>(), out var s) ? s : LicenseStatus.Active;
        DateTimeOffset? revocation = over["revocationEffectiveAt"] is { } r ? DateTimeOffset.Parse(r.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null;
        // A case's suspensions: {"owner", "strike", "from", "to"} (RFC 3339; absent: since ever, until lifted).
        static long Millis(JsonNode? t, long absent) =>
            t is null ? absent : DateTimeOffset.Parse(t.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var suspensions = (over["suspensions"] as JsonArray ?? []).Select(x => new Suspension(
            x!["owner"]!.GetValue<string>(), x["strike"]?.GetValue<string>(), Millis(x["from"], long.MinValue), Millis(x["to"], long.MaxValue))).ToList();
        var license = CompiledLicense.Compile("lic", "prf", "std", terms, status, revocation,
            over["performerDeceased"]?.GetValue<bool>() ?? false, over["estateConfirmed"]?.GetValue<bool>() ?? false, consent, 0, suspensions,
            over["postMortemEnd"] is { } pm ? DateTimeOffset.Parse(pm.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null);

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

        // The caps' counters (per studio, modality and month), summed by each cap for this render of studio "std".
        var counters = (c["capCounters"] as JsonArray ?? []).Select(x =>
        {
            long Ms(string k) => (long)((x![k]?.GetValue<decimal>() ?? 0m) * 1000m);
            long N(string k) => x![k]?.GetValue<long>() ?? 0;
            Assert.True(Vocabulary<Modality>.TryParse(x!["modality"]!.GetValue<string>(), out var modality));
            return new CapCounter(x["studio"]!.GetValue<string>(), modality, x["month"]!.GetValue<int>(), Ms("secondsUsed"), Ms("secondsReserved"), N("rendersUsed"), N("rendersReserved"));
        }).ToList();
        var caps = consent.Caps.Select(cap => cap.Sum(counters, CapMonths.Of(facts.AtUnixMillis), "std")).ToArray();

        var builder = new DecisionBuilder();
        RenderEvaluator.Decide(license, facts, budgets, caps, approved, builder);
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
    /// <summary>A licence request reviewed against the consent and the union's rates: the conflicts must be exactly those expected.</summary>
    private static void Review(JsonNode doc, JsonNode c, string name)
    {
        var consent = CompiledConsent.Compile(PolicyParser.Parse((c["consent"] ?? doc["consent"])!.ToJsonString()), 1);
        var lic = doc["license"]!.AsObject();
        var over = c["license"] as JsonObject ?? [];
        var uses = lic["uses"]!.DeepClone().AsArray();
        foreach (var use in uses)
        {
            foreach (var (k, v) in c["use"] as JsonObject ?? [])
            {
                use![k] = v?.DeepClone();
            }
        }

        var compensation = (c["compensation"] ?? lic["compensation"]) is { } comp ? Json.Deserialize<CompensationBody>(System.Text.Encoding.UTF8.GetBytes(comp.ToJsonString())) : null;
        var description = (over["description"] ?? lic["description"])!.GetValue<string>();
        var terms = TermsMapper.ToTerms("corpus", description, Json.Deserialize<UseBody[]>(System.Text.Encoding.UTF8.GetBytes(uses.ToJsonString())), compensation);

        var conflicts = RequestReview.Review(terms, consent, c["attested"]?.GetValue<bool>() ?? false).ToList();
        if (doc["unionRates"] is { } union)
        {
            var rates = Json.Deserialize<UnionRateBody[]>(System.Text.Encoding.UTF8.GetBytes(union["rates"]!.ToJsonString()));
            conflicts.AddRange(UnionFloors.Check(union["rule"]!.GetValue<string>(), rates, terms));
        }

        // A conflict under an open derivation is written code@rule[derivation,…]; an expectation with brackets matches exactly that.
        static string Derived(Conflict x) => x.Derivations is null ? "" : $"[{string.Join(",", x.Derivations.Select(Vocabulary<Derivation>.Name))}]";
        var actual = string.Join(", ", conflicts.Select(x => $"{x.WireCode}@{x.Rule}{Derived(x)}#{x.UseIndex}"));
        var wanted = c["expect"]!["conflicts"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
        Assert.True(
            wanted.Select(w => w.Split('@')[0]).Distinct().Order(StringComparer.Ordinal).SequenceEqual(conflicts.Select(x => x.WireCode).Distinct().Order(StringComparer.Ordinal)),
            $"{name}: expected {string.Join(", ", wanted)}, got {actual}");
        foreach (var w in wanted.Where(w => w.Contains('@', StringComparison.Ordinal)))
        {
            Assert.True(conflicts.Any(x => (w.Contains('[', StringComparison.Ordinal) ? $"{x.WireCode}@{x.Rule}{Derived(x)}" : $"{x.WireCode}@{x.Rule}") == w), $"{name}: missing {w} in {actual}");
        }
    }
}
