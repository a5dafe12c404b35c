using System.Text.Json.Nodes;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Geography;
using Likeness.Domain.Policy;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>
/// PolicyParser and OdrlWriter agree: a policy read from our JSON or from ODRL 2.2 JSON-LD, written in either form and
/// read again, means the same (same rules, same constraints, same decisions on any render); and bad input is refused
/// with the code and the JSON path of what is wrong.
/// </summary>
public sealed class OdrlRoundTripTests
{
    /// <summary>Every operand, operator family and duty Likeness understands, in our JSON shape.</summary>
    private const string Ours = """
        {
          "permission": [
            { "uid": "games", "action": "render",
              "constraint": [
                { "leftOperand": "modality", "operator": "isAnyOf", "rightOperand": ["voice", "face"] },
                { "leftOperand": "purpose", "operator": "isNoneOf", "rightOperand": ["advertising", "news"] },
                { "leftOperand": "spatial", "operator": "isA", "rightOperand": "WORLD" },
                { "leftOperand": "language", "operator": "isAnyOf", "rightOperand": ["ja", "en"] },
                { "leftOperand": "dateTime", "operator": "lt", "rightOperand": "2030-01-01" },
                { "leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "PT2M" },
                { "leftOperand": "meteredTime", "operator": "lteq", "rightOperand": "PT10H" },
                { "leftOperand": "count", "operator": "lteq", "rightOperand": 1000 },
                { "leftOperand": "derivation", "operator": "neq", "rightOperand": "puppetry" },
                { "leftOperand": "ageModification", "operator": "isAnyOf", "rightOperand": ["none", "younger"] },
                { "leftOperand": "realtime", "operator": "eq", "rightOperand": false }
              ],
              "duty": [
                { "action": "inform" },
                { "action": "label" },
                { "action": "obtainConsent", "constraint": [ { "leftOperand": "contentCategory", "operator": "isAnyOf", "rightOperand": ["violence"] } ] }
              ] },
            { "uid": "comedy", "action": "render",
              "constraint": [ { "leftOperand": "contentCategory", "operator": "eq", "rightOperand": "political" },
                              { "leftOperand": "dateTime", "operator": "gteq", "rightOperand": "2026-01-01T00:00:00Z" } ] }
          ],
          "prohibition": [
            { "uid": "no-russia", "action": "render", "constraint": [ { "leftOperand": "spatial", "operator": "eq", "rightOperand": "RU" } ] },
            { "uid": "no-hate", "action": "render", "constraint": [ { "leftOperand": "contentCategory", "operator": "isAllOf", "rightOperand": ["hate", "violence"] } ] }
          ]
        }
        """;

    /// <summary>The same policy as a hand-written ODRL 2.2 document would put it: prefixed names, IRIs, @value and @id wrappers.</summary>
    private const string Odrl = """
        {
          "@context": ["http://www.w3.org/ns/odrl.jsonld", { "lk": "https://likeness.dev/ns#" }],
          "@type": "Set",
          "uid": "https://example.org/policy/1",
          "profile": "https://likeness.dev/ns",
          "permission": [
            { "uid": "games", "action": "odrl:use", "target": "asset:voice", "assignee": "studio:x",
              "constraint": [
                { "leftOperand": "lk:modality", "operator": "odrl:isAnyOf", "rightOperand": [{ "@value": "voice" }, "face"] },
                { "leftOperand": "http://www.w3.org/ns/odrl/2/purpose", "operator": "isNoneOf", "rightOperand": ["advertising", "news"] },
                { "leftOperand": "odrl:spatial", "operator": "odrl:isA", "rightOperand": { "@id": "WORLD" } },
                { "leftOperand": "language", "operator": "isAnyOf", "rightOperand": ["ja", "en"] },
                { "leftOperand": "dateTime", "operator": "lt", "rightOperand": { "@value": "2030-01-01" } },
                { "leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "PT2M", "unit": "http://qudt.org/vocab/unit/SEC" },
                { "leftOperand": "meteredTime", "operator": "lteq", "rightOperand": "PT10H" },
                { "leftOperand": "count", "operator": "lteq", "rightOperand": 1000 },
                { "leftOperand": "https://likeness.dev/ns#derivation", "operator": "neq", "rightOperand": "puppetry" },
                { "leftOperand": "lk:ageModification", "operator": "isAnyOf", "rightOperand": ["none", "younger"] },
                { "leftOperand": "lk:realtime", "operator": "eq", "rightOperand": false }
              ],
              "duty": [
                { "action": "odrl:inform" },
                { "action": "lk:label" },
                { "action": "obtainConsent", "constraint": [ { "leftOperand": "lk:contentCategory", "operator": "isAnyOf", "rightOperand": ["violence"] } ] }
              ] },
            { "@id": "comedy", "action": "use",
              "constraint": [ { "leftOperand": "lk:contentCategory", "operator": "eq", "rightOperand": "political" },
                              { "leftOperand": "dateTime", "operator": "gteq", "rightOperand": "2026-01-01T00:00:00Z" } ] }
          ],
          "prohibition": [
            { "uid": "no-russia", "action": "use", "constraint": [ { "leftOperand": "spatial", "operator": "eq", "rightOperand": "RU" } ] },
            { "uid": "no-hate", "action": "use", "constraint": [ { "leftOperand": "lk:contentCategory", "operator": "isAllOf", "rightOperand": ["hate", "violence"] } ] }
          ]
        }
        """;

    /// <summary>What a policy means, independent of how it was spelled: our JSON shape with the action normalised.</summary>
    private static string Meaning(ConsentPolicy p) =>
        OdrlWriter.ToJson(p with
        {
            Permissions = [.. p.Permissions.Select(r => r with { Action = "render" })],
            Prohibitions = [.. p.Prohibitions.Select(r => r with { Action = "render" })],
        }).ToJsonString();

    [Fact]
    public void Our_shape_survives_a_trip_through_either_writer()
    {
        var policy = PolicyParser.Parse(Ours);
        Assert.Equal(2, policy.Permissions.Count);
        Assert.Equal(11, policy.Permissions[0].Constraints.Count);

        var viaJson = PolicyParser.Parse(OdrlWriter.ToJson(policy).ToJsonString());
        var viaOdrl = PolicyParser.Parse(OdrlWriter.ToOdrl(policy, "urn:likeness:consent:prf:1", "urn:likeness:party:prf").ToJsonString());
        Assert.Equal(Meaning(policy), Meaning(viaJson));
        Assert.Equal(Meaning(policy), Meaning(viaOdrl));

        // And the writer is stable: writing what it read gives the same document.
        Assert.Equal(OdrlWriter.ToJson(policy).ToJsonString(), OdrlWriter.ToJson(viaJson).ToJsonString());
        Assert.Equal(
            OdrlWriter.ToOdrl(policy, "u", "a").ToJsonString(),
            OdrlWriter.ToOdrl(viaOdrl, "u", "a").ToJsonString());
    }

    [Fact]
    public void The_ODRL_form_marks_likeness_operands_with_their_namespace()
    {
        var odrl = OdrlWriter.ToOdrl(PolicyParser.Parse(Ours), "urn:x", "a");
        Assert.Equal("Set", odrl["@type"]!.GetValue<string>());
        Assert.Equal("urn:x", odrl["uid"]!.GetValue<string>());
        var operands = odrl["permission"]![0]!["constraint"]!.AsArray().Select(c => c!["leftOperand"]!.GetValue<string>()).ToList();
        Assert.Contains("lk:modality", operands);
        Assert.Contains("lk:realtime", operands);
        Assert.Contains("purpose", operands);
        Assert.Contains("spatial", operands);
        var duties = odrl["permission"]![0]!["duty"]!.AsArray().Select(d => d!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["inform", "lk:label", "obtainConsent"], duties);
    }

    [Fact]
    public void A_hand_written_ODRL_document_means_what_our_shape_means()
    {
        var ours = PolicyParser.Parse(Ours);
        var odrl = PolicyParser.Parse(Odrl);
        Assert.Equal(Meaning(ours), Meaning(odrl));

        // Written back and read again, it still means the same.
        Assert.Equal(Meaning(ours), Meaning(PolicyParser.Parse(OdrlWriter.ToOdrl(odrl, "u", "a").ToJsonString())));
    }

    [Fact]
    public void Compiled_from_either_form_the_consent_decides_every_render_alike()
    {
        var a = CompiledConsent.Compile(PolicyParser.Parse(Ours), 1);
        var b = CompiledConsent.Compile(PolicyParser.Parse(Odrl), 1);
        var c = CompiledConsent.Compile(PolicyParser.Parse(OdrlWriter.ToOdrl(PolicyParser.Parse(Odrl), "u", "a").ToJsonString()), 1);

        const int seed = 20261101;
        var rng = new Random(seed);
        string[] languages = ["ja", "ja-JP", "en", "en-GB", "fr", "de-AT"];
        var applied = 0;
        for (var i = 0; i < 5_000; i++)
        {
            var f = new RenderFacts
            {
                Modality = Pick(rng, Vocabulary<Modality>.All),
                Purpose = Pick(rng, Vocabulary<Purpose>.All),
                Country = rng.Next(Countries.Count),
                Language = languages[rng.Next(languages.Length)],
                RequestedMillis = rng.Next(0, 240_000),
                Categories = (uint)rng.Next(0, 1 << 19) & (uint)rng.Next(0, 1 << 19),
                Derivation = Pick(rng, Vocabulary<Derivation>.All),
                AgeModification = Pick(rng, Enum.GetValues<AgeModification>()),
                Realtime = rng.Next(2) == 0,
                AtUnixMillis = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(rng.Next(0, 6 * 365)).ToUnixTimeMilliseconds(),
            };
            var budget = new UseBudget(rng.Next(0, 40_000_000), 0, rng.Next(0, 1_200), 0);
            var expected = Outcome(a, f, budget);
            applied += expected.Count(ch => ch == '1');
            Assert.True(expected == Outcome(b, f, budget), $"seed {seed}, render {i}: {f}");
            Assert.True(expected == Outcome(c, f, budget), $"seed {seed}, render {i}: {f}");
        }

        // The renders were varied enough to make rules both apply and not.
        Assert.InRange(applied, 1, 5_000 * 6);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> values) => values[rng.Next(values.Count)];

    // Which rules apply and which duties hold, as a string of bits.
    private static string Outcome(CompiledConsent consent, in RenderFacts f, in UseBudget b)
    {
        var bits = new System.Text.StringBuilder().Append(consent.PreapprovedAt(f, b)).Append(':');
        foreach (var rule in consent.Permissions.Concat(consent.Prohibitions))
        {
            bits.Append(rule.Applies(f, b) ? '1' : '0');
            foreach (var (action, when, _) in rule.Duties)
            {
                bits.Append(action).Append(CompiledRule.AllHold(when.AsSpan(), f, b) ? '1' : '0');
            }
        }

        return bits.ToString();
    }

    public static TheoryData<string, string, string> BadPolicies() => new()
    {
        { "{", "malformed_json", "$" },
        { "", "malformed_json", "$" },
        { "{\"permission\":[],\"permission\":[]}", "malformed_json", "$" },
        { "[]", "invalid_policy", "$" },
        { "\"text\"", "invalid_policy", "$" },
        { "null", "invalid_policy", "$" },
        { "{\"colour\":1}", "invalid_policy", "colour" },
        { "{\"permission\":{}}", "invalid_policy", "permission" },
        { "{\"permission\":[1]}", "invalid_policy", "permission[0]" },
        { "{\"permission\":[{}]}", "invalid_policy", "permission[0].action" },
        { "{\"permission\":[{\"action\":\"\"}]}", "invalid_policy", "permission[0].action" },
        { "{\"permission\":[{\"action\":\"play\"}]}", "invalid_policy", "permission[0].action" },
        { "{\"permission\":[{\"uid\":\"a\",\"action\":\"render\"}],\"prohibition\":[{\"uid\":\"a\",\"action\":\"render\"}]}", "invalid_policy", "uid" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":{}}]}", "invalid_policy", "permission[0].constraint" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"mood\",\"operator\":\"eq\",\"rightOperand\":\"x\"}]}]}", "invalid_policy", "permission[0].constraint[0].leftOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"near\",\"rightOperand\":\"dubbing\"}]}]}", "invalid_policy", "permission[0].constraint[0].operator" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"eq\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"eq\",\"rightOperand\":[\"dubbing\"]}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"isAnyOf\",\"rightOperand\":[]}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"isAnyOf\",\"rightOperand\":[\"dubbing\",\"opera\"]}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand[1]" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"isAnyOf\",\"rightOperand\":[1]}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand[0]" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"modality\",\"operator\":\"isA\",\"rightOperand\":\"voice\"}]}]}", "invalid_policy", "permission[0].constraint[0].operator" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"spatial\",\"operator\":\"lt\",\"rightOperand\":\"JP\"}]}]}", "invalid_policy", "permission[0].constraint[0].operator" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"spatial\",\"operator\":\"isA\",\"rightOperand\":\"ATLANTIS\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"language\",\"operator\":\"eq\",\"rightOperand\":\"en\\n\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"dateTime\",\"operator\":\"isAnyOf\",\"rightOperand\":\"2026-01-01\"}]}]}", "invalid_policy", "permission[0].constraint[0].operator" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"dateTime\",\"operator\":\"lt\",\"rightOperand\":\"next year\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"dateTime\",\"operator\":\"lt\",\"rightOperand\":\"2026-13-01\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"elapsedTime\",\"operator\":\"lteq\",\"rightOperand\":\"60 seconds\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"meteredTime\",\"operator\":\"lteq\",\"rightOperand\":\"P1M\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"count\",\"operator\":\"lteq\",\"rightOperand\":-1}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"count\",\"operator\":\"lteq\",\"rightOperand\":\"5\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"realtime\",\"operator\":\"isAnyOf\",\"rightOperand\":true}]}]}", "invalid_policy", "permission[0].constraint[0].operator" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"realtime\",\"operator\":\"eq\",\"rightOperand\":\"yes\"}]}]}", "invalid_policy", "permission[0].constraint[0].rightOperand" },
        { "{\"permission\":[{\"action\":\"render\",\"constraint\":[{\"leftOperand\":\"purpose\",\"operator\":\"eq\",\"rightOperand\":\"dubbing\",\"weight\":2}]}]}", "invalid_policy", "permission[0].constraint[0].weight" },
        { "{\"permission\":[{\"action\":\"render\",\"duty\":{}}]}", "invalid_policy", "permission[0].duty" },
        { "{\"permission\":[{\"action\":\"render\",\"duty\":[{\"action\":\"dance\"}]}]}", "invalid_policy", "permission[0].duty[0].action" },
        { "{\"permission\":[{\"action\":\"render\",\"duty\":[{\"action\":\"inform\",\"target\":\"x\"}]}]}", "invalid_policy", "permission[0].duty[0].target" },
        { "{\"prohibition\":[{\"action\":\"render\",\"duty\":[]}]}", "invalid_policy", "prohibition[0].duty" },
        { "{\"permission\":[{\"uid\":\"\",\"action\":\"render\"}]}", "invalid_policy", "permission[0].uid" },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Bad_policies_are_refused_naming_the_field(string json, string code, string field)
    {
        var e = Assert.Throws<DomainException>(() => PolicyParser.Parse(json));
        Assert.Equal(code, e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Too_many_rules_or_too_deep_a_document_are_refused()
    {
        var many = new JsonObject { ["permission"] = new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode)new JsonObject { ["uid"] = $"r{i}", ["action"] = "render" }).ToArray()) };
        Assert.Equal("permission", Assert.Throws<DomainException>(() => PolicyParser.Parse(many.ToJsonString())).Field);

        var deep = new string('[', 40) + new string(']', 40);
        Assert.Equal("malformed_json", Assert.Throws<DomainException>(() => PolicyParser.Parse("{\"permission\":" + deep + "}")).Code);
    }

    [Fact]
    public void An_empty_policy_permits_and_prohibits_nothing_and_round_trips()
    {
        var empty = PolicyParser.Parse("{}");
        Assert.Empty(empty.Permissions);
        Assert.Empty(empty.Prohibitions);
        Assert.Equal("{\"permission\":[],\"prohibition\":[]}", OdrlWriter.ToJson(empty).ToJsonString());
        Assert.Equal(Meaning(empty), Meaning(PolicyParser.Parse(OdrlWriter.ToOdrl(empty, "u", "a").ToJsonString())));
    }
}
