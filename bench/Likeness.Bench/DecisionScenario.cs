using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Geography;
using Likeness.Domain.Licensing;
using Likeness.Domain.Policy;

namespace Likeness.Bench;

/// <summary>
/// The decision benchmarks' one scenario: a licence use and a consent of 100 rules (50 duty-bearing permissions,
/// 50 prohibitions), written both for Likeness and as the equivalent Cedar policy set, and four render
/// requests (two permits, two denials) with their Cedar contexts.
/// </summary>
public sealed class DecisionScenario
{
    private static readonly string[] Purposes = ["featureFilm", "television", "advertising", "videoGame", "interactive", "dubbing", "promotion", "audiobook"];
    private static readonly string[] Territories = ["US", "CA", "BR", "MX", "AR", "ZA", "NG", "EG", "IN", "KR", "CN", "AU", "NZ", "SG", "TH", "RU", "UA", "TR", "SA", "AE"];
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2028, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DecisionScenario()
    {
        var consent = new JsonObject { ["permission"] = new JsonArray(), ["prohibition"] = new JsonArray() };
        var cedar = new StringBuilder();
        for (var i = 0; i < 50; i++)
        {
            var purpose = Purposes[i % Purposes.Length];
            var other = Purposes[(i + 3) % Purposes.Length];
            var seconds = 30 + i;
            consent["permission"]!.AsArray().Add(JsonNode.Parse($$"""
                { "uid": "duty-{{i}}", "action": "render",
                  "constraint": [ { "leftOperand": "modality", "operator": "eq", "rightOperand": "{{(i % 2 == 0 ? "voice" : "face")}}" },
                                  { "leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": ["{{purpose}}", "{{other}}"] },
                                  { "leftOperand": "language", "operator": "isA", "rightOperand": "{{(i % 3 == 0 ? "ja" : "en")}}" },
                                  { "leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "PT{{seconds}}S" } ],
                  "duty": [ { "action": "inform" } ] }
                """));
            cedar.Append(CultureInfo.InvariantCulture, $"permit(principal, action == Action::\"render\", resource) when {{ context.modality == \"{(i % 2 == 0 ? "voice" : "face")}\" && [\"{purpose}\", \"{other}\"].contains(context.purpose) && context.language like \"{(i % 3 == 0 ? "ja" : "en")}*\" && context.millis <= {seconds * 1000} && context.licensed }};\n");

            var country = Territories[i % Territories.Length];
            consent["prohibition"]!.AsArray().Add(JsonNode.Parse($$"""
                { "uid": "no-{{i}}", "action": "render",
                  "constraint": [ { "leftOperand": "purpose", "operator": "eq", "rightOperand": "{{Purposes[(i + 5) % Purposes.Length]}}" },
                                  { "leftOperand": "spatial", "operator": "eq", "rightOperand": "{{country}}" } ] }
                """));
            cedar.Append(CultureInfo.InvariantCulture, $"forbid(principal, action == Action::\"render\", resource) when {{ context.purpose == \"{Purposes[(i + 5) % Purposes.Length]}\" && context.country == \"{country}\" }};\n");
        }

        Regions.TryResolve("EU", out var eu);
        var licensed = string.Join(", ", eu.Indexes().Select(Countries.CodeAt).Append("JP").Append("US").Select(c => $"\"{c}\""));
        cedar.Append(CultureInfo.InvariantCulture, $"permit(principal, action == Action::\"render\", resource) when {{ context.licensed && context.modality == \"voice\" && [\"dubbing\", \"videoGame\"].contains(context.purpose) && [{licensed}].contains(context.country) && (context.language like \"ja*\" || context.language like \"en*\") && context.now >= {From.ToUnixTimeMilliseconds()} && context.now < {To.ToUnixTimeMilliseconds()} && context.millis <= 60000 && context.derivation == \"newPerformance\" && [\"violence\"].containsAll(context.declared) }};\n");
        CedarPolicies = cedar.ToString();
        ConsentJson = consent.ToJsonString();

        var use = new UseBody("voice", ["dubbing", "videoGame"], ["EU", "JP", "US"], ["ja", "en"], From, To, 60, null, null, ["violence"], "newPerformance");
        Terms = TermsMapper.ToTerms("bench", "bench", [use], new CompensationBody(new MoneyBody("USD", 100), new MoneyBody("USD", 10)));
        Consent = CompiledConsent.Compile(PolicyParser.Parse(ConsentJson), 1);
        License = Compile();

        Requests =
        [
            new RenderBody("lic", "voice", "dubbing", "JP", "ja-JP", 30, [], null, "newPerformance"),
            new RenderBody("lic", "face", "advertising", "US", "fr", 90, ["violence"], null, "puppetry"),
            new RenderBody("lic", "voice", "videoGame", "FR", "en-GB", 12, ["violence"], null, "newPerformance"),
            new RenderBody("lic", "voice", "dubbing", "US", "en", 20, [], null, "newPerformance"),
        ];
        At = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        Facts = Requests.Select(r => RenderFactsParser.Parse(r, At)).ToArray();
        CedarContexts = new JsonArray(Requests.Select(r => (JsonNode)new JsonObject
        {
            ["licensed"] = true,
            ["modality"] = r.Modality,
            ["purpose"] = r.Purpose,
            ["country"] = r.Territory,
            ["language"] = r.Language,
            ["millis"] = (long)(r.RequestedSeconds * 1000),
            ["now"] = At.ToUnixTimeMilliseconds(),
            ["derivation"] = r.Derivation,
            ["declared"] = new JsonArray((r.ContentCategories ?? []).Select(c => (JsonNode)c).ToArray()),
        }).ToArray()).ToJsonString();
    }

    public string ConsentJson { get; }

    public string CedarPolicies { get; }

    public string CedarContexts { get; }

    public LicenseTerms Terms { get; }

    public CompiledConsent Consent { get; }

    public CompiledLicense License { get; }

    public RenderBody[] Requests { get; }

    public RenderFacts[] Facts { get; }

    public DateTimeOffset At { get; }

    /// <summary>Every use of the licence with nothing used yet.</summary>
    public UseBudget[] Budgets { get; } = [default];

    public CompiledLicense Compile() =>
        CompiledLicense.Compile("lic", "prf", "std", Terms, LicenseStatus.Active, null, false, false, Consent, 0);
}
