using Likeness.Application.Access;
using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Operations;
using Likeness.Application.Ports;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Renders;

/// <summary>
/// Renders with several performers (docs/DOMAIN.md, "Renders with several performers"): one decision per contributor on
/// her own licence, consent, budgets and caps; permitted only if every one permits, pending until every side asked has
/// approved, rejected if any rejects; reserved and settled for all contributors in one transaction. Each contributor's
/// part is a render record on her licence (so budgets, caps, lapses, usage and statements treat it as one of hers), and
/// the render's id (<c>ens_…</c>) names them all in <c>render_contributors</c>.
/// </summary>
public sealed class EnsembleService(IStore store, TimeProvider clock, Mutations mutations, SnapshotCache snapshots, LikenessOptions options, ActGate gate, RenderService renders)
{
    /// <summary>The prefix of a render with several performers' id (its parts are <c>{id}.{position}</c>).</summary>
    public const string Prefix = "ens_";

    [ThreadStatic]
    private static DecisionBuilder? t_builder;

    /// <summary>Whether an id names a render with several performers, or a contributor's part of one.</summary>
    public static bool Names(string id) => id.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>
    /// The render a part belongs to (<c>ens_….2</c> → <c>ens_…</c>): a part is acted on and read only as its render, so no
    /// action on one part can settle or approve it apart from the others.
    /// </summary>
    public static string RenderOf(string id) => id.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? id[..dot] : id;

    /// <summary>Decides for every contributor and, when all permit, reserves for all; a denial lists each contributor's reasons.</summary>
    public async Task<Outcome> AuthorizeAsync(PartyRecord caller, RenderBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Studio);
        var (contributors, recorded) = EnsembleRequest.Parse(body);
        var now = clock.GetUtcNow();
        var month = CapMonths.Of(now);
        var (facts, verdict) = await ExternalClassification.ApplyAsync(options.ExternalClassifier, recorded, RenderFactsParser.Parse(recorded with { LicenseId = contributors[0].LicenseId }, now), ct);
        var reservations = EnsembleShares.Reservations(facts.RequestedMillis, contributors.Select(c => c.Share).ToArray());
        var each = contributors.Select((c, i) => EnsembleRequest.For(facts, c.Role, reservations[i])).ToArray();
        var licenses = new CompiledLicense?[contributors.Length];
        for (var i = 0; i < contributors.Length; i++)
        {
            var snapshot = await snapshots.GetAsync(contributors[i].LicenseId, ct);
            licenses[i] = snapshot is not null && snapshot.StudioId == caller.Id ? snapshot : null;
        }

        // Policy first, on the snapshots with nothing used: when any contributor's policy denies, the budgets are read only to
        // list every contributor's reasons, and nothing reaches the writer.
        var builder = t_builder ??= new DecisionBuilder();
        if (Enumerable.Range(0, contributors.Length).Any(i => licenses[i] is not { } l || RenderEvaluator.Decide(l, each[i], l.Unused, instanceApproved: false, builder) == DecisionEffect.Deny))
        {
            var decisions = await store.ReadAsync(s => Enumerable.Range(0, contributors.Length).Select(i => licenses[i] is { } l ? DecideOnRead(s, l, each[i], month) : null).ToArray(), ct);
            return Counted(await mutations.RefuseAsync(caller.Id, idem, Denied(contributors, decisions, 403), ct));
        }

        return Counted(await mutations.WriteAsync(caller.Id, idem, s =>
        {
            var current = licenses.Select(l => renders.Current(s, l!)).ToArray();
            var decisions = Decide(s, current, each, i => false, now, month, out var reserved);
            if (decisions.Any(d => d.Effect != DecisionEffect.Permit))
            {
                // All or none: what the permitted contributors reserved is given back in the same transaction.
                Release(s, reserved);
                if (decisions.Any(d => d.Effect == DecisionEffect.Deny))
                {
                    return Outcome.Refused(Denied(contributors, decisions, 403));
                }
            }

            var pending = decisions.Any(d => d.Effect == DecisionEffect.PendingApproval);
            var id = Ids.New("ens", now);
            var members = new ContributorMembers();
            var parts = new RenderRecord[contributors.Length];
            for (var i = 0; i < contributors.Length; i++)
            {
                var l = current[i];
                var d = decisions[i];
                parts[i] = new RenderRecord(
                    $"{id}.{i}", l.Id, caller.Id, l.PerformerId, d.UseIndex, pending ? RenderStatus.PendingApproval : RenderStatus.Authorized,
                    Json.Serialize(RecordedRenderRequest.Of(recorded with { LicenseId = l.Id }, facts.Categories & ~facts.DeclaredCategories, verdict)), reservations[i],
                    pending ? 0 : reservations[i], null, null, Json.Serialize(RenderService.ObligationViews(d.Obligations)), now,
                    now + (pending ? options.PendingApprovalTtl : options.ReservationTtl), null, 0,
                    l.Multipliers.FactorE12(facts.Purpose, body.Territory, facts.Realtime), CapMonth: pending ? null : month);
                members.Next().With("render", parts[i].Id).With("license", l.Id).With("performer", l.PerformerId)
                    .With("role", Vocabulary<ContributorRole>.Name(contributors[i].Role)).With("shareBps", contributors[i].Share).With("use", d.UseIndex)
                    .With("requestedMs", reservations[i]).With("reservedMs", parts[i].ReservedMillis).With("modality", Vocabulary<Modality>.Name(each[i].Modality))
                    .With("approval", d.Effect == DecisionEffect.PendingApproval ? "required" : "notRequired");
            }

            var named = contributors.Select((c, i) => new ContributorRecord(id, i, parts[i].Id, parts[i].LicenseId, parts[i].PerformerId, c.Role, c.Share,
                decisions[i].Effect == DecisionEffect.PendingApproval)).ToArray();
            var index = s.AppendLedgerEntry(new LedgerEntry(pending ? "render.pending" : "render.authorized", now)
                .With("render", id).With("requestedMs", facts.RequestedMillis).With("contributors", members.ToString())
                .WithHash("requestSha256", Json.Serialize(new RecordedEnsembleRequest(RecordedRenderRequest.Of(recorded with { LicenseId = "" }, facts.Categories & ~facts.DeclaredCategories, verdict), body.Contributors!))).ToBytes());
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = parts[i] with { LedgerIndex = index };
                s.InsertRender(parts[i]);
                s.InsertContributor(named[i]);
                if (decisions[i].Effect == DecisionEffect.PendingApproval)
                {
                    WebhookOutbox.Publish(s, WebhookEventTypes.RenderPendingApproval, now, WebhookAudience.Of(parts[i].PerformerId),
                        new Dictionary<string, object?> { ["renderId"] = id, ["licenseId"] = parts[i].LicenseId, ["performerId"] = parts[i].PerformerId, ["studioId"] = caller.Id });
                }
            }

            return Outcome.Of(pending ? 202 : 201, View(id, named, parts, caller, all: true));
        }, ct));
    }

    /// <summary>Settles every contributor's part: the render's actual seconds split by share (largest remainder), each within its reservation.</summary>
    public Task<Outcome> CompleteAsync(PartyRecord caller, string id, CompleteBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        var actual = FieldRules.Seconds(body.ActualSeconds, "actualSeconds");
        if (body.OutputSha256 is not { Length: 64 } || !body.OutputSha256.All(char.IsAsciiHexDigitLower))
        {
            throw AppProblem.BadRequest("invalid_hash", "outputSha256 is 64 lower-case hex digits.", "outputSha256");
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var (contributors, parts) = Own(s, caller, id = RenderOf(id));
            var now = clock.GetUtcNow();
            RequireAuthorized(parts, now);
            var requested = Json.DeserializeStored<RecordedRenderRequest>(parts[0].RequestJson).RequestedSeconds;
            if (!Millis.TryFromSeconds(requested, out var most) || actual > most)
            {
                throw new AppProblem(409, "exceeds_reservation", $"actualSeconds is above the {requested} seconds reserved.", "actualSeconds");
            }

            var settled = EnsembleShares.Settlements(actual, contributors.Select(c => c.ShareBps).ToArray());
            var members = new ContributorMembers();
            var done = new RenderRecord[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                var splitVersion = s.GetSplits(parts[i].PerformerId, null)?.Version ?? 0;
                done[i] = parts[i] with { Status = RenderStatus.Completed, ActualMillis = settled[i], OutputSha256 = body.OutputSha256, SettledAt = now, SplitVersion = splitVersion };
                members.Next().With("render", parts[i].Id).With("license", parts[i].LicenseId).With("use", parts[i].UseIndex).With("shareBps", contributors[i].ShareBps)
                    .With("reservedMs", parts[i].ReservedMillis).With("actualMs", settled[i]).With("factorE12", parts[i].FactorE12).With("splitVersion", splitVersion);
            }

            done = Settle(s, parts, done, new LedgerEntry("render.completed", now).With("render", id).With("actualMs", actual).With("outputSha256", body.OutputSha256)
                .With("contributors", members.ToString()), null);
            return Outcome.Ok(View(id, contributors, done, caller, all: true));
        }, ct);
    }

    /// <summary>Cancels a pending or authorized render and releases every contributor's reservation.</summary>
    public Task<Outcome> CancelAsync(PartyRecord caller, string id, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var (contributors, parts) = Own(s, caller, id = RenderOf(id));
            var now = clock.GetUtcNow();
            if (parts[0].Status == RenderStatus.Authorized)
            {
                RequireAuthorized(parts, now);
            }
            else if (parts.Any(p => p.Status != RenderStatus.PendingApproval))
            {
                throw RenderService.NotIn(parts[0]);
            }

            var done = Settle(s, parts, parts.Select(p => p with { Status = RenderStatus.Cancelled, SettledAt = now }).ToArray(),
                new LedgerEntry("render.cancelled", now).With("render", id).With("contributors", Released(parts)), null);
            return Outcome.Ok(View(id, contributors, done, caller, all: true));
        }, ct);

    /// <summary>
    /// A performer side approves her part of a pending render. Her part is decided again as approved; the render stays
    /// pending until every side asked has approved, and on the last approval every contributor is decided again and all are
    /// reserved, or none.
    /// </summary>
    public Task<Outcome> ApproveAsync(PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var (contributors, parts, mine) = PerformerSide(s, caller, id = RenderOf(id));
            var proof = gate.Check(s, caller, s.GetParty(contributors[mine[0]].PerformerId), Power.Renders, act);
            var now = clock.GetUtcNow();
            if (parts[0].ExpiresAt <= now)
            {
                return Outcome.Refused(new Problem(409, "approval_expired", $"The render waited for approval until {parts[0].ExpiresAt:O}; it has lapsed and cannot be approved.", null));
            }

            var asked = mine.Where(i => contributors[i].NeedsApproval && contributors[i].ApprovedBy is null).ToArray();
            if (asked.Length == 0)
            {
                throw AppProblem.Conflict("render_state", "No part of this render waits for your side's approval.");
            }

            var month = CapMonths.Of(now);
            var current = parts.Select(p => renders.Current(s, snapshots.Load(s, p.LicenseId)!)).ToArray();
            var each = parts.Select((p, i) => FactsOf(p, contributors[i], now)).ToArray();
            bool Approved(int i) => contributors[i].ApprovedBy is not null || asked.Contains(i);
            var waiting = Enumerable.Range(0, parts.Length).Any(i => contributors[i].NeedsApproval && !Approved(i));
            if (waiting)
            {
                // Not the last approval: her part is decided again as approved (a denial now is a 409), and nothing is reserved.
                var hers = asked.Select(i => (i, renders.DecideInTransaction(s, current[i], each[i], instanceApproved: true, now, month))).ToArray();
                if (hers.Any(h => h.Item2.Effect != DecisionEffect.Permit))
                {
                    return Outcome.Refused(Denied(contributors, hers.Select(h => h.i).ToArray(), hers.Select(h => h.Item2).ToArray()));
                }

                var entry = new LedgerEntry("render.contributor_approved", now).With("render", id).With("by", caller.Id)
                    .With("contributors", Named(parts, asked));
                var at = ActGate.Append(s, entry, proof);
                foreach (var i in asked)
                {
                    s.ApproveContributor(id, i, caller.Id, now);
                }

                return Outcome.Ok(View(id, s.GetContributors(id), parts.Select(p => p with { LedgerIndex = at }).ToArray(), caller, all: false, s));
            }

            var decisions = Decide(s, current, each, Approved, now, month, out var reserved);
            if (decisions.Any(d => d.Effect != DecisionEffect.Permit))
            {
                Release(s, reserved);
                return Outcome.Refused(Denied(contributors, Enumerable.Range(0, parts.Length).ToArray(), decisions));
            }

            var members = new ContributorMembers();
            for (var i = 0; i < parts.Length; i++)
            {
                members.Next().With("render", parts[i].Id).With("license", parts[i].LicenseId).With("use", decisions[i].UseIndex)
                    .With("reservedMs", parts[i].RequestedMillis).With("modality", Vocabulary<Modality>.Name(each[i].Modality));
            }

            var index = ActGate.Append(s, new LedgerEntry("render.approved", now).With("render", id).With("by", caller.Id)
                .With("approved", Named(parts, asked)).With("contributors", members.ToString()), proof);
            var approved = new RenderRecord[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                approved[i] = parts[i] with
                {
                    Status = RenderStatus.Authorized,
                    UseIndex = decisions[i].UseIndex,
                    ReservedMillis = parts[i].RequestedMillis,
                    ExpiresAt = now + options.ReservationTtl,
                    ObligationsJson = Json.Serialize(RenderService.ObligationViews(decisions[i].Obligations)),
                    LedgerIndex = index,
                    CapMonth = month,
                };
                s.UpdateRender(approved[i]);
            }

            foreach (var i in asked)
            {
                s.ApproveContributor(id, i, caller.Id, now);
            }

            return Outcome.Ok(View(id, s.GetContributors(id), approved, caller, all: false, s));
        }, ct);

    /// <summary>A performer side rejects the render: rejected for every contributor.</summary>
    public Task<Outcome> RejectAsync(PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var (contributors, parts, mine) = PerformerSide(s, caller, id = RenderOf(id));
            var proof = gate.Check(s, caller, s.GetParty(contributors[mine[0]].PerformerId), Power.Renders, act);
            var now = clock.GetUtcNow();
            var done = Settle(s, parts, parts.Select(p => p with { Status = RenderStatus.Rejected, SettledAt = now }).ToArray(),
                new LedgerEntry("render.rejected", now).With("render", id).With("by", caller.Id).With("rejected", Named(parts, mine))
                    .With("contributors", Named(parts, Enumerable.Range(0, parts.Length))), proof);
            return Outcome.Ok(View(id, contributors, done, caller, all: false, s));
        }, ct);

    /// <summary>The render as the caller may see it: the studio every contributor, a performer side only her part.</summary>
    public Task<RenderView> GetAsync(PartyRecord caller, string id, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                id = RenderOf(id);
                var contributors = s.GetContributors(id);
                var parts = contributors.Select(c => s.GetRender(c.PartId)!).ToArray();
                if (parts.Length > 0 && parts[0].StudioId == caller.Id)
                {
                    return View(id, contributors, parts, caller, all: true);
                }

                if (contributors.Any(c => s.GetParty(c.PerformerId) is { } p && AccessRules.IsPerformerSide(caller, p)))
                {
                    return View(id, contributors, parts, caller, all: false, s);
                }

                throw AppProblem.NotFound("render");
            },
            ct);

    /// <summary>
    /// Decides each contributor in order on the budgets and caps the transaction sees, reserving each permitted one's part at
    /// once so that a later contributor on the same licence or under the same cap sees it; <paramref name="reserved"/> lists
    /// what was reserved, for the caller to keep or give back.
    /// </summary>
    private Decision[] Decide(IStoreSession s, CompiledLicense[] licenses, RenderFacts[] each, Func<int, bool> approved, DateTimeOffset now, int month, out List<Held> reserved)
    {
        reserved = [];
        var decisions = new Decision[licenses.Length];
        for (var i = 0; i < licenses.Length; i++)
        {
            decisions[i] = renders.DecideInTransaction(s, licenses[i], each[i], approved(i), now, month);
            if (decisions[i].Effect == DecisionEffect.Permit)
            {
                var held = new Held(licenses[i].Id, decisions[i].UseIndex, licenses[i].PerformerId, licenses[i].StudioId, each[i].Modality, month, each[i].RequestedMillis);
                s.AdjustBudget(held.License, held.Use, 0, held.Millis, 0, 1);
                s.AdjustCapCounter(held.Performer, held.Studio, held.Modality, held.Month, 0, held.Millis, 0, 1);
                reserved.Add(held);
            }
        }

        return decisions;
    }

    private static void Release(IStoreSession s, List<Held> reserved)
    {
        foreach (var h in reserved)
        {
            s.AdjustBudget(h.License, h.Use, 0, -h.Millis, 0, -1);
            s.AdjustCapCounter(h.Performer, h.Studio, h.Modality, h.Month, 0, -h.Millis, 0, -1);
        }
    }

    /// <summary>A part's reservation held while the other contributors are decided.</summary>
    private readonly record struct Held(string License, int Use, string Performer, string Studio, Modality Modality, int Month, long Millis);

    private Decision DecideOnRead(IStoreSession s, CompiledLicense l, in RenderFacts facts, int month)
    {
        var builder = t_builder ??= new DecisionBuilder();
        RenderEvaluator.Decide(l, facts, RenderService.Budgets(s, l), RenderService.CapUsages(s, l, month), instanceApproved: false, builder);
        return builder.Build();
    }

    /// <summary>A part's facts, from its recorded request, decided again at <paramref name="now"/>.</summary>
    private static RenderFacts FactsOf(RenderRecord part, ContributorRecord c, DateTimeOffset now)
    {
        var recorded = Json.DeserializeStored<RecordedRenderRequest>(part.RequestJson);
        var facts = RenderFactsParser.Parse(recorded.ToBody(), now);
        return EnsembleRequest.For(facts with { Categories = facts.Categories | recorded.PromptMask() }, c.Role, part.RequestedMillis);
    }

    /// <summary>Brings every part to its final state in one entry: an authorized part's reservation is released (and used, when completed).</summary>
    private RenderRecord[] Settle(IStoreSession s, RenderRecord[] parts, RenderRecord[] settled, LedgerEntry entry, ActProof? proof)
    {
        var index = ActGate.Append(s, entry, proof);
        for (var i = 0; i < parts.Length; i++)
        {
            var done = settled[i] with { LedgerIndex = index };
            if (parts[i].Status == RenderStatus.Authorized)
            {
                var completed = done.Status == RenderStatus.Completed;
                s.AdjustBudget(done.LicenseId, done.UseIndex, completed ? done.ActualMillis!.Value : 0, -done.ReservedMillis, completed ? 1 : 0, -1);
                CapCounting.Settle(s, done, snapshots.UseModality(s, done.LicenseId, done.UseIndex));
            }

            s.UpdateRender(done);
            settled[i] = done;
        }

        return settled;
    }

    private static string Released(RenderRecord[] parts)
    {
        var members = new ContributorMembers();
        foreach (var p in parts)
        {
            members.Next().With("render", p.Id).With("license", p.LicenseId).With("releasedMs", p.ReservedMillis);
        }

        return members.ToString();
    }

    private static string Named(RenderRecord[] parts, IEnumerable<int> which)
    {
        var members = new ContributorMembers();
        foreach (var i in which)
        {
            members.Next().With("render", parts[i].Id).With("license", parts[i].LicenseId);
        }

        return members.ToString();
    }

    private static void RequireAuthorized(RenderRecord[] parts, DateTimeOffset now)
    {
        if (parts.Any(p => p.Status != RenderStatus.Authorized))
        {
            throw RenderService.NotIn(parts.First(p => p.Status != RenderStatus.Authorized));
        }

        if (parts.Any(p => p.ExpiresAt <= now))
        {
            throw AppProblem.Conflict("reservation_lapsed", "The reservation lapsed before the render was settled; authorize again.");
        }
    }

    private static (IReadOnlyList<ContributorRecord>, RenderRecord[]) Own(IStoreSession s, PartyRecord caller, string id)
    {
        var contributors = s.GetContributors(id);
        var parts = contributors.Select(c => s.GetRender(c.PartId)!).ToArray();
        if (parts.Length == 0 || parts[0].StudioId != caller.Id)
        {
            if (contributors.Any(c => s.GetParty(c.PerformerId) is { } p && AccessRules.IsPerformerSide(caller, p)))
            {
                throw AppProblem.Forbidden("Only the studio settles its renders.");
            }

            throw AppProblem.NotFound("render");
        }

        return (contributors, parts);
    }

    /// <summary>The render's contributors and parts, and the positions whose performer the caller acts for; the render waits for approval.</summary>
    private static (IReadOnlyList<ContributorRecord>, RenderRecord[], int[]) PerformerSide(IStoreSession s, PartyRecord caller, string id)
    {
        var contributors = s.GetContributors(id);
        var parts = contributors.Select(c => s.GetRender(c.PartId)!).ToArray();
        var mine = Enumerable.Range(0, contributors.Count).Where(i => s.GetParty(contributors[i].PerformerId) is { } p && AccessRules.IsPerformerSide(caller, p)).ToArray();
        if (mine.Length == 0)
        {
            if (parts.Length > 0 && parts[0].StudioId == caller.Id)
            {
                throw AppProblem.Forbidden("Only the performer side approves a render.");
            }

            throw AppProblem.NotFound("render");
        }

        return parts.All(p => p.Status == RenderStatus.PendingApproval) ? (contributors, parts, mine) : throw RenderService.NotIn(parts[0]);
    }

    /// <summary>A 403 (or 409) problem: every contributor's decision and reasons, and all the reasons together, each named by its contributor.</summary>
    private static Problem Denied(IReadOnlyList<RequestedContributor> contributors, Decision?[] decisions, int status)
    {
        var views = contributors.Select((c, i) => Decided(i, c.LicenseId, c.Role, decisions[i])).ToArray();
        return Problem(views, status);
    }

    private static Problem Denied(IReadOnlyList<ContributorRecord> contributors, int[] positions, Decision[] decisions) =>
        Problem(positions.Select((p, k) => Decided(p, contributors[p].LicenseId, contributors[p].Role, decisions[k])).ToArray(), 409);

    private static ContributorDecisionView Decided(int position, string licenseId, ContributorRole role, Decision? d)
    {
        Reason[] reasons = d is null ? [new Reason(ReasonCode.LicenseNotFound, "license")] : [.. d.Reasons];
        var effect = d?.Effect ?? DecisionEffect.Deny;
        return new ContributorDecisionView(position, licenseId, Vocabulary<ContributorRole>.Name(role),
            effect switch { DecisionEffect.Permit => "permit", DecisionEffect.PendingApproval => "pending", _ => "deny" },
            effect == DecisionEffect.Permit ? [] : reasons.Select(r => new ReasonView(r.WireCode, r.Message, r.Rule)).ToArray());
    }

    private static Problem Problem(ContributorDecisionView[] views, int status)
    {
        var denied = views.Where(v => v.Decision != "permit").ToArray();
        return new Problem(status, "render_denied",
            string.Join(" ", denied.Select(v => $"Contributor {v.Position} ({v.LicenseId}): {string.Join(" ", v.Reasons.Select(r => r.Message).Distinct())}")), null,
            new Dictionary<string, object?>
            {
                ["decision"] = "deny",
                ["reasons"] = denied.SelectMany(v => v.Reasons).ToArray(),
                ["contributors"] = views,
            });
    }

    private static Outcome Counted(Outcome answer)
    {
        LikenessMetrics.RecordDecision(answer.Status);
        return answer;
    }

    /// <summary>
    /// The render as one view: the studio sees every contributor and the render's totals; a performer side sees only the
    /// parts of performers she acts for, and their seconds.
    /// </summary>
    private static RenderView View(string id, IReadOnlyList<ContributorRecord> contributors, RenderRecord[] parts, PartyRecord caller, bool all, IStoreSession? s = null)
    {
        var shown = Enumerable.Range(0, parts.Length)
            .Where(i => all || caller.Id == contributors[i].PerformerId || (s?.GetParty(contributors[i].PerformerId) is { } p && AccessRules.IsPerformerSide(caller, p)))
            .ToArray();
        if (shown.Length == 0)
        {
            throw AppProblem.NotFound("render");
        }

        var first = parts[shown[0]];
        var whole = RenderService.StoredView(first);
        var total = Json.DeserializeStored<RecordedRenderRequest>(first.RequestJson).RequestedSeconds;
        bool completed = parts.All(p => p.ActualMillis is not null);
        return whole with
        {
            RenderId = id,
            RequestedSeconds = all ? total : Millis.ToSeconds(shown.Sum(i => parts[i].RequestedMillis)),
            ReservedSeconds = Millis.ToSeconds(shown.Sum(i => parts[i].ReservedMillis)),
            ActualSeconds = completed ? Millis.ToSeconds(shown.Sum(i => parts[i].ActualMillis!.Value)) : null,
            Obligations = all ? [] : whole.Obligations,
            Reasons = whole.Reasons,
            PromptTriggers = all ? null : whole.PromptTriggers,
            Contributors = shown.Select(i => new ContributorView(
                i, parts[i].LicenseId, parts[i].PerformerId, Vocabulary<ContributorRole>.Name(contributors[i].Role), contributors[i].ShareBps, parts[i].UseIndex,
                !contributors[i].NeedsApproval ? "notRequired" : contributors[i].ApprovedBy is null ? "required" : "approved",
                Millis.ToSeconds(parts[i].ReservedMillis), parts[i].ActualMillis is { } a ? Millis.ToSeconds(a) : null,
                RenderService.StoredView(parts[i]).Obligations)).ToArray(),
        };
    }
}

/// <summary>A render with several performers' request as hashed into its ledger entry (<c>requestSha256</c>): the request without its prompt, and its contributors.</summary>
public sealed record RecordedEnsembleRequest(RecordedRenderRequest Request, ContributorBody[] Contributors);
