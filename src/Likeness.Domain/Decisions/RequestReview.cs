using Likeness.Domain.Common;
using Likeness.Domain.Content;
using Likeness.Domain.Geography;
using Likeness.Domain.Licensing;
using Likeness.Domain.Policy;

namespace Likeness.Domain.Decisions;

/// <summary>
/// A conflict between a licence request and the consent: a code, the rule, and the request's use it concerns. When the use
/// leaves its derivation open, <see cref="Derivations"/> names the derivations under which the conflict arises (the use
/// was reviewed against every one); otherwise it is null.
/// </summary>
public sealed record Conflict(ReasonCode Code, string Rule, int UseIndex, IReadOnlyList<Derivation>? Derivations = null)
{
    public string WireCode => ReasonCodes.WireName(Code);

    public string Message => Derivations is null
        ? ReasonCodes.Message(Code)
        : $"{ReasonCodes.Message(Code)} The use leaves its derivation open, so it was reviewed against every derivation; this arises under {string.Join(", ", Derivations.Select(Vocabulary<Derivation>.Name))}.";
}

/// <summary>
/// Reviews a licence request against the current consent before the performer side decides. Each use is
/// expanded into every concrete render it would allow (each purpose, each country of its territories,
/// each language, each derivation, at both ends of its window, at its largest deliverable and with its
/// whole budget spent) and each of those is evaluated like a render: a prohibition that applies, a
/// combination no permission covers (explained by the nearest permission), and sensitive content that will
/// need per-instance approval (unless a permission that holds for that render pre-approves it) are conflicts. A use
/// that leaves its derivation open is reviewed against every derivation, and its conflicts name those they arise under.
/// </summary>
public static class RequestReview
{
    private const long Unlimited = long.MaxValue / 4;

    public static IReadOnlyList<Conflict> Review(LicenseTerms terms, CompiledConsent consent, bool attested)
    {
        var found = new List<(ReasonCode Code, string Rule, int Use, ulong Derivations)>();
        var seen = new Dictionary<(ReasonCode, string, int), int>();
        void Add(ReasonCode code, string rule, int use, ulong derivations)
        {
            if (seen.TryGetValue((code, rule, use), out var at))
            {
                found[at] = found[at] with { Derivations = found[at].Derivations | derivations };
                return;
            }

            seen.Add((code, rule, use), found.Count);
            found.Add((code, rule, use, derivations));
        }

        if (!attested && !DescriptionCheck.IsReasonablySpecific(terms.Description))
        {
            Add(ReasonCode.DescriptionNotSpecific, "law/ca-ab-2602", -1, 0);
        }

        var scratch = new DecisionBuilder();
        for (var i = 0; i < terms.Uses.Count; i++)
        {
            var use = terms.Uses[i];
            var countries = use.Territories.Aggregate(CountrySet.Empty, (s, t) => Regions.TryResolve(t, out var r) ? s.Union(r) : s);
            var derivations = use.Derivation is { } d ? [d] : Vocabulary<Derivation>.All;
            var deliverable = use.MaxMillisPerDeliverable ?? Unlimited;
            var total = use.MaxSyntheticMillis ?? Unlimited;
            var renders = use.MaxRenders ?? Unlimited;
            var spent = new UseBudget(Math.Max(0, total - deliverable), 0, Math.Max(0, renders - 1), 0);
            var declared = ContentCategories.Mask(use.ContentCategories);
            long[] instants = [use.From.ToUnixTimeMilliseconds(), use.To.ToUnixTimeMilliseconds() - 1];

            foreach (var purpose in use.Purposes)
            {
                foreach (var country in countries.Indexes())
                {
                    foreach (var language in use.Languages)
                    {
                        foreach (var derivation in derivations)
                        {
                            foreach (var at in instants)
                            {
                                var f = new RenderFacts
                                {
                                    Modality = use.Modality,
                                    Purpose = purpose,
                                    Country = country,
                                    Language = language,
                                    RequestedMillis = deliverable,
                                    Categories = declared,
                                    DeclaredCategories = declared,
                                    Derivation = derivation,
                                    Realtime = use.Realtime,
                                    AtUnixMillis = at,
                                };
                                // An open derivation is named on what it finds; a fixed one needs no naming.
                                var named = use.Derivation is null ? 1UL << (int)derivation : 0;
                                if ((declared & ContentCategories.Sensitive & ~consent.PreapprovedAt(f, spent)) != 0)
                                {
                                    Add(ReasonCode.InstanceApprovalRequired, "policy/sensitive-content", i, named);
                                }

                                ReviewOne(consent, f, spent, i, scratch, (code, rule, u) => Add(code, rule, u, named));
                            }
                        }
                    }
                }
            }
        }

        return [.. found.Select(c => new Conflict(c.Code, c.Rule, c.Use, c.Derivations == 0 ? null : [.. Vocabulary<Derivation>.All.Where(d => (c.Derivations & (1UL << (int)d)) != 0)]))];
    }

    private static void ReviewOne(CompiledConsent consent, in RenderFacts f, in UseBudget spent, int use, DecisionBuilder scratch, Action<ReasonCode, string, int> add)
    {
        foreach (var p in consent.Prohibitions)
        {
            if (p.Applies(f, spent))
            {
                add(p.ConstrainsContent ? ReasonCode.ContentProhibited : ReasonCode.UseProhibited, p.Reference, use);
            }
        }

        if (consent.Permissions.Length == 0)
        {
            add(ReasonCode.ConsentMissing, "consent", use);
            return;
        }

        CompiledRule? nearest = null;
        var fewest = int.MaxValue;
        foreach (var p in consent.Permissions)
        {
            var failures = p.Explain(f, spent, null);
            if (failures == 0)
            {
                foreach (var (action, when, _) in p.Duties)
                {
                    if (action == DutyAction.ObtainConsent && CompiledRule.AllHold(when.AsSpan(), f, spent))
                    {
                        add(ReasonCode.InstanceApprovalRequired, p.Reference, use);
                    }
                }

                return;
            }

            if (failures < fewest)
            {
                fewest = failures;
                nearest = p;
            }
        }

        scratch.Reset();
        nearest!.Explain(f, spent, scratch);
        foreach (var r in scratch.Reasons)
        {
            add(r.Code, r.Rule, use);
        }
    }
}
