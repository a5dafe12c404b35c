using System.Text.Json;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Domain.Planning;

namespace Likeness.Application.Planning;

/// <summary>
/// Plans (docs/PLANNING.md, "Plans"): a studio's screenplay and cast broken down by tier, versioned, compared version
/// to version, and turned into one licence request per performer. Only the studio that made a plan sees it; to anyone
/// else it does not exist (404). The breakdown is computed from the stored inputs whenever it is read.
/// </summary>
public sealed class PlanService(IStore store, TimeProvider clock, Mutations mutations, LicenseRequestService requests)
{
    /// <summary>
    /// The longest screenplay the API takes, in characters: it must fit, escaped, in a 1 MiB JSON body (a 120-page
    /// feature is about 170 KiB). Longer is a 413 naming the line where the limit is crossed.
    /// </summary>
    public const int MaxScreenplayChars = 768 * 1024;

    /// <summary>The most rule overrides a plan carries.</summary>
    public const int MaxRules = 100;

    public Task<Outcome> CreateAsync(PartyRecord caller, PlanBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Studio);
        FieldRules.Name(body.Project, "project", 200);
        var inputs = new PlanInputs(
            body.Screenplay, ReadCast(body.Cast), ReadRules(body.Rules), ReadRate(body.WordsPerMinute), ReadRelease(body.Release), ReadCompensation(body.Compensation));
        var (breakdown, refusal) = Break(inputs);
        if (refusal is not null)
        {
            return mutations.RefuseAsync(caller.Id, idem, refusal, ct);
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var now = clock.GetUtcNow();
            var plan = new PlanRecord(Ids.New("pln", now), caller.Id, body.Project.Trim(), 1, now, now);
            var version = new PlanVersionRecord(plan.Id, 1, inputs, now);
            s.Plans.Insert(plan);
            s.Plans.InsertVersion(version);
            return Outcome.Created(View(plan, version, breakdown!, null));
        }, ct);
    }

    public async Task<Outcome> AddVersionAsync(PartyRecord caller, string planId, PlanVersionBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        var (plan, latest) = await store.ReadAsync(s => Latest(s, caller, planId), ct);
        var was = latest.Inputs;
        var inputs = new PlanInputs(
            body.Screenplay ?? was.Screenplay, body.Cast is { } cast ? ReadCast(cast) : was.Cast, body.Rules is { } rules ? ReadRules(rules) : was.Rules,
            body.WordsPerMinute is { } wpm ? ReadRate(wpm) : was.WordsPerMinute, body.Release is { } release ? ReadRelease(release) : was.Release,
            body.Compensation is { } pay ? ReadCompensation(pay) : was.Compensation);
        var (breakdown, refusal) = Break(inputs);
        if (refusal is not null)
        {
            return await mutations.RefuseAsync(caller.Id, idem, refusal, ct);
        }

        var before = Break(was).Breakdown!;
        return await mutations.WriteAsync(caller.Id, idem, s =>
        {
            // The new version was merged onto the latest one read above; if another version came in since, merging again is the client's call.
            if (s.Plans.Get(planId) is not { } current || current.LatestVersion != plan.LatestVersion)
            {
                return Outcome.Refused(new Problem(409, "plan_changed", $"Another version of the plan was added since version {plan.LatestVersion}; read the plan and send the version again."));
            }

            var now = clock.GetUtcNow();
            var next = plan with { LatestVersion = plan.LatestVersion + 1, UpdatedAt = now };
            var version = new PlanVersionRecord(plan.Id, next.LatestVersion, inputs, now);
            s.Plans.Update(next);
            s.Plans.InsertVersion(version);
            return Outcome.Created(View(next, version, breakdown!, Changes(latest.Version, before, version.Version, breakdown!)));
        }, ct);
    }

    /// <summary>A version of the plan (the latest when <paramref name="version"/> is null), with what changed from the one before.</summary>
    public async Task<PlanView> GetAsync(PartyRecord caller, string planId, int? version, CancellationToken ct = default)
    {
        var (plan, v, previous) = await store.ReadAsync(
            s =>
            {
                var (p, latest) = Latest(s, caller, planId);
                var chosen = version is null ? latest : Version(s, p, version.Value, "version");
                return (p, chosen, chosen.Version > 1 ? s.Plans.GetVersion(planId, chosen.Version - 1) : null);
            },
            ct);
        var breakdown = Break(v.Inputs).Breakdown!;
        var changes = previous is null ? null : Changes(previous.Version, Break(previous.Inputs).Breakdown!, v.Version, breakdown);
        return View(plan, v, breakdown, changes);
    }

    /// <summary>What changed from version <paramref name="from"/> to version <paramref name="to"/> (either may be the later).</summary>
    public async Task<PlanChangesView> DiffAsync(PartyRecord caller, string planId, int? from, int? to, CancellationToken ct = default)
    {
        var (a, b) = await store.ReadAsync(
            s =>
            {
                var (p, latest) = Latest(s, caller, planId);
                var right = to is null ? latest : Version(s, p, to.Value, "to");
                var left = from is null ? Version(s, p, Math.Max(1, right.Version - 1), "from") : Version(s, p, from.Value, "from");
                return (left, right);
            },
            ct);
        return Changes(a.Version, Break(a.Inputs).Breakdown!, b.Version, Break(b.Inputs).Breakdown!);
    }

    /// <summary>
    /// One licence request drafted per performer of a version, with its description checked and the conflicts it would
    /// meet with her current consent (nothing is sent).
    /// </summary>
    public async Task<PlanDraftsView> DraftsAsync(PartyRecord caller, string planId, int? version, CancellationToken ct = default)
    {
        var (plan, v, performers) = await store.ReadAsync(
            s =>
            {
                var (p, latest) = Latest(s, caller, planId);
                var chosen = version is null ? latest : Version(s, p, version.Value, "version");
                var known = chosen.Inputs.Cast.Values.OfType<string>().Distinct(StringComparer.Ordinal)
                    .Where(id => s.GetParty(id) is { Kind: PartyKind.Performer }).ToHashSet(StringComparer.Ordinal);
                return (p, chosen, known);
            },
            ct);
        var drafts = new List<PlanDraftView>();
        foreach (var (draft, body) in Drafted(plan, v))
        {
            IReadOnlyList<ConflictView> conflicts = performers.Contains(draft.PerformerId)
                ? await requests.ReviewAsync(caller, body, ct)
                : [new ConflictView("unknown_performer", "plan/cast", "The cast names no performer with this id; the request cannot be sent.", null)];
            drafts.Add(new PlanDraftView(draft.PerformerId, draft.Characters, draft.Scenes, DescriptionCheck.IsReasonablySpecific(body.Description), body, conflicts));
        }

        return new PlanDraftsView(plan.Id, v.Version, drafts);
    }

    /// <summary>Sends the request drafted for one performer as a real licence request (its answer lists the conflicts, as any request's).</summary>
    public async Task<Outcome> SendAsync(PartyRecord caller, string planId, PlanSendBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        var (plan, v) = await store.ReadAsync(
            s =>
            {
                var (p, latest) = Latest(s, caller, planId);
                return (p, body.Version is { } n ? Version(s, p, n, "version") : latest);
            },
            ct);
        var request = Drafted(plan, v).Where(d => d.Draft.PerformerId == body.PerformerId).Select(d => d.Body).FirstOrDefault();
        return request is null
            ? await mutations.RefuseAsync(caller.Id, idem, new Problem(400, "not_in_plan", $"Version {v.Version} of the plan needs no synthetic part of this performer.", "performerId"), ct)
            : await requests.CreateAsync(caller, request, idem, ct);
    }

    private static IEnumerable<(PerformerDraft Draft, LicenseRequestBody Body)> Drafted(PlanRecord plan, PlanVersionRecord v)
    {
        var r = v.Inputs.Release;
        var pay = v.Inputs.Compensation is { } c ? Compensation(c) : null;
        foreach (var d in RequestDrafter.Draft(plan.Project, Break(v.Inputs).Breakdown!, r.Purposes, r.Territories))
        {
            var uses = d.Uses.Select(u => new UseBody(
                Vocabulary<Modality>.Name(u.Modality), [.. r.Purposes], [.. r.Territories], [.. r.Languages], r.From, r.To,
                MaxSecondsPerDeliverable: u.LongestMillis / 1000m, MaxSyntheticSeconds: u.Millis / 1000m,
                Derivation: u.Derivation is { } x ? Vocabulary<Derivation>.Name(x) : null)).ToArray();
            yield return (d, new LicenseRequestBody(d.PerformerId, plan.Project, d.Description, uses, pay));
        }
    }

    private static (PlanRecord Plan, PlanVersionRecord Latest) Latest(IStoreSession s, PartyRecord caller, string planId)
    {
        var plan = s.Plans.Get(planId);
        if (plan is null || !AccessRules.OwnsPlan(caller, plan.StudioId))
        {
            throw AppProblem.NotFound("plan");
        }

        return (plan, s.Plans.GetVersion(planId, plan.LatestVersion)!);
    }

    private static PlanVersionRecord Version(IStoreSession s, PlanRecord plan, int version, string field) =>
        version >= 1 && version <= plan.LatestVersion && s.Plans.GetVersion(plan.Id, version) is { } v
            ? v
            : throw AppProblem.BadRequest("out_of_range", $"The plan has versions 1 to {plan.LatestVersion}.", field);

    private static (Breakdown? Breakdown, Problem? Refusal) Break(PlanInputs inputs)
    {
        var (script, refusal) = FountainParser.Parse(inputs.Screenplay, MaxScreenplayChars);
        if (refusal is not null)
        {
            return (null, new Problem(refusal.TooLarge ? 413 : 400, refusal.Code, refusal.Message, "screenplay", new Dictionary<string, object?> { ["line"] = refusal.Line }));
        }

        return (Breakdowner.Break(script!, inputs.RuleSet, inputs.Cast), null);
    }

    private static PlanView View(PlanRecord plan, PlanVersionRecord v, Breakdown breakdown, PlanChangesView? changes)
    {
        var i = v.Inputs;
        var r = i.Release;
        return new PlanView(
            plan.Id, plan.Project, plan.StudioId, v.Version, plan.LatestVersion, BreakdownView.Of(breakdown, i.RuleSet.Rates), [.. i.Rules.Select(RuleBody)],
            new PlanReleaseBody([.. r.Purposes], [.. r.Territories], [.. r.Languages], r.From, r.To),
            i.Compensation is { } c ? new PlanCompensationBody(Money(c.PerRender, c.Currency), Money(c.PerSecond, c.Currency), Money(c.MinimumGuarantee, c.Currency)) : null,
            changes, plan.CreatedAt, v.CreatedAt);
    }

    private static PlanChangesView Changes(int from, Breakdown before, int to, Breakdown after)
    {
        var c = BreakdownDiff.Compare(before, after);
        static TierDecisionView? D(TierDecision? d) => d is null ? null : new(Vocabulary<PlanTier>.Name(d.Tier), d.Rule, d.Why);
        return new PlanChangesView(
            from, to,
            [.. c.Scenes.Select(x => new SceneChangeView(x.Key, x.Change, D(x.Before), D(x.After)))],
            [.. c.Parts.Select(x => new PartChangeView(x.Scene, x.Character, x.Change, D(x.Before), D(x.After)))],
            [.. c.Estimates.Select(x => new EstimateChangeView(x.PerformerId, Vocabulary<Modality>.Name(x.Modality), x.BeforeMillis / 1000m, x.AfterMillis / 1000m, x.DeltaMillis / 1000m))],
            [.. after.UnknownCharacters.Except(before.UnknownCharacters, StringComparer.Ordinal)],
            [.. before.UnknownCharacters.Except(after.UnknownCharacters, StringComparer.Ordinal)]);
    }

    private static CompensationBody Compensation(PlanCompensation c) =>
        new(Money(c.PerRender, c.Currency), Money(c.PerSecond, c.Currency), Money(c.MinimumGuarantee, c.Currency));

    private static MoneyBody? Money(long? minor, string currency) => minor is { } m ? new MoneyBody(currency, m) : null;

    private static IReadOnlyDictionary<string, string?> ReadCast(Dictionary<string, string?> cast)
    {
        var (list, error) = CastList.Read(JsonSerializer.SerializeToElement(cast));
        return list ?? throw AppProblem.BadRequest("invalid_cast", error!, "cast");
    }

    private static int? ReadRate(int? wpm) =>
        wpm is null or (>= 60 and <= 400) ? wpm : throw AppProblem.BadRequest("out_of_range", "Dialogue is 60 to 400 words a minute.", "wordsPerMinute");

    private static PlanRelease ReadRelease(PlanReleaseBody r)
    {
        // The release is checked as a licence use would be (codes, regions, languages, window), so a draft never fails on it.
        TermsMapper.ToTerms("plan", "release", [new UseBody("voice", r.Purposes, r.Territories, r.Languages, r.From, r.To)], null, "release.");
        return new PlanRelease([.. r.Purposes], [.. r.Territories], [.. r.Languages], r.From, r.To);
    }

    private static PlanCompensation? ReadCompensation(PlanCompensationBody? c)
    {
        if (c is null)
        {
            return null;
        }

        var amounts = new[] { (c.PerRender, "perRender"), (c.PerSecond, "perSecond"), (c.MinimumGuarantee, "minimumGuarantee") }
            .Select(a => (Money: FieldRules.Money(a.Item1, "compensation." + a.Item2), Field: a.Item2)).ToArray();
        var currencies = amounts.Where(a => a.Money is not null).Select(a => a.Money!.Currency).Distinct().ToArray();
        return currencies.Length switch
        {
            0 => null,
            1 => new PlanCompensation(currencies[0], amounts[0].Money?.Minor, amounts[1].Money?.Minor, amounts[2].Money?.Minor),
            _ => throw AppProblem.BadRequest("mixed_currency", "A plan's compensation is in one currency.", "compensation"),
        };
    }

    private static IReadOnlyList<TierRule> ReadRules(TierRuleBody[]? rules)
    {
        if (rules is null)
        {
            return [];
        }

        if (rules.Length > MaxRules)
        {
            throw AppProblem.BadRequest("invalid_rules", $"At most {MaxRules} rule overrides.", "rules");
        }

        var list = new List<TierRule>();
        for (var i = 0; i < rules.Length; i++)
        {
            var r = rules[i];
            var at = $"rules[{i}]";
            FieldRules.Name(r.Id, at + ".id", 100);
            FieldRules.Text(r.Description, at + ".description", 500);
            if (list.Any(x => x.Id == r.Id))
            {
                throw AppProblem.BadRequest("invalid_rules", $"The rule id '{r.Id}' is given twice.", at + ".id");
            }

            var words = Words(r.AnyKeyword, at + ".anyKeyword");
            var extensions = Words(r.EveryCueExtension, at + ".everyCueExtension");
            if (new[] { r.MinSpeeches, r.MaxSpeeches, r.MinWords, r.MaxWords }.Any(n => n is < 0))
            {
                throw AppProblem.BadRequest("invalid_rules", "Counts of speeches and words are 0 or more.", at);
            }

            list.Add(new TierRule(
                r.Id.Trim(), FieldRules.Code<RuleScope>(r.Scope, at + ".scope"), FieldRules.Code<PlanTier>(r.Tier, at + ".tier"),
                [.. (r.Modalities ?? []).Select((m, j) => FieldRules.Code<Modality>(m, $"{at}.modalities[{j}]"))],
                r.Derivation is null ? null : FieldRules.Code<Derivation>(r.Derivation, at + ".derivation"), r.Description.Trim())
            {
                AnyKeyword = words,
                EveryCueExtension = extensions,
                Speaking = r.Speaking,
                HasPerformer = r.HasPerformer,
                MinSpeeches = r.MinSpeeches,
                MaxSpeeches = r.MaxSpeeches,
                MinWords = r.MinWords,
                MaxWords = r.MaxWords,
            });
        }

        return list;
    }

    // Keywords and cue extensions are compared in upper case, as the breakdown reads the script.
    private static string[]? Words(string[]? words, string field)
    {
        if (words is null)
        {
            return null;
        }

        for (var i = 0; i < words.Length; i++)
        {
            FieldRules.Name(words[i], $"{field}[{i}]", 100);
        }

        return words.Length <= 200 ? [.. words.Select(w => w.Trim().ToUpperInvariant())] : throw AppProblem.BadRequest("invalid_rules", "At most 200 words.", field);
    }

    /// <summary>A stored rule as the API shows it.</summary>
    public static TierRuleBody RuleBody(TierRule r) => new(
        r.Id, Vocabulary<RuleScope>.Name(r.Scope), Vocabulary<PlanTier>.Name(r.Tier), r.Description, [.. r.Modalities.Select(Vocabulary<Modality>.Name)],
        r.Derivation is { } d ? Vocabulary<Derivation>.Name(d) : null, r.AnyKeyword?.ToArray(), r.EveryCueExtension?.ToArray(), r.Speaking, r.HasPerformer,
        r.MinSpeeches, r.MaxSpeeches, r.MinWords, r.MaxWords);
}
