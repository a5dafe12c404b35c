using System.Collections.Concurrent;
using Likeness.Application.Access;
using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Operations;
using Likeness.Application.Ports;
using Likeness.Application.Provenance;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Renders;

/// <summary>
/// The render gateway: authorize (decide, reserve), complete (settle), cancel, per-instance approval, and
/// the lapse of reservations nobody settled.
/// </summary>
public sealed class RenderService(IStore store, TimeProvider clock, Mutations mutations, SnapshotCache snapshots, LikenessOptions options, ActGate gate)
{
    [ThreadStatic]
    private static DecisionBuilder? t_builder;

    /// <summary>Decides and, on a permit, reserves. A denial is a 403 refusal (a value) listing every reason.</summary>
    public async Task<Outcome> AuthorizeAsync(PartyRecord caller, RenderBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Studio);
        var requestedAt = clock.GetUtcNow();
        var month = CapMonths.Of(requestedAt);
        var (facts, verdict) = await ExternalClassification.ApplyAsync(options.ExternalClassifier, body, RenderFactsParser.Parse(body, requestedAt), ct);
        var snapshot = await snapshots.GetAsync(body.LicenseId!, ct);
        if (snapshot is null || snapshot.StudioId != caller.Id)
        {
            return Counted(await mutations.RefuseAsync(caller.Id, idem, Denied([new Reason(ReasonCode.LicenseNotFound, "license")]), ct));
        }

        // Policy first, on the snapshot and with nothing used: a request the policy denies never reaches the writer (it
        // reads the budgets only to list every reason); one it permits goes straight to the writer, which decides again
        // on the budgets as they stand inside its transaction.
        var builder = t_builder ??= new DecisionBuilder();
        if (RenderEvaluator.Decide(snapshot, facts, snapshot.Unused, instanceApproved: false, builder) == DecisionEffect.Deny)
        {
            // A retry of a request permitted earlier is answered as it was, whatever the policy says now.
            var (budgets, caps) = await store.ReadAsync(s => (Budgets(s, snapshot), CapUsages(s, snapshot, month)), ct);
            RenderEvaluator.Decide(snapshot, facts, budgets, caps, instanceApproved: false, builder);
            return Counted(await mutations.RefuseAsync(caller.Id, idem, Denied(builder.Reasons.ToArray()), ct));
        }

        // Everything the budgets cannot change is prepared here, on the request's thread, so the one writer only decides
        // on the budgets, reserves and records. The render is decided, created and recorded at the request's time.
        var factor = snapshot.Multipliers.FactorE12(facts.Purpose, body.Territory, facts.Realtime);
        var prepared = PreparedRender.For(builder.Build(), snapshot, caller.Id, body, facts, verdict, factor, requestedAt, options);

        return Counted(await mutations.WriteAsync(caller.Id, idem, s =>
        {
            var decision = DecideInTransaction(s, Current(s, snapshot), facts, instanceApproved: false, requestedAt, month);
            if (decision.Effect == DecisionEffect.Deny)
            {
                return Outcome.Refused(Denied(decision.Reasons));
            }

            var made = prepared.Matches(decision) ? prepared : PreparedRender.For(decision, snapshot, caller.Id, body, facts, verdict, factor, requestedAt, options);
            var render = made.Render;
            if (render.Status == RenderStatus.Authorized)
            {
                s.AdjustBudget(snapshot.Id, decision.UseIndex, 0, facts.RequestedMillis, 0, 1);
                CapCounting.Reserve(s, render, facts.Modality);
            }

            render = render with { LedgerIndex = s.AppendLedgerEntry(made.Entry, made.LeafHash) };
            s.InsertRender(render);
            s.Provenance.InsertWatermark(new WatermarkRecord(made.Watermark, render.Id, requestedAt));
            if (render.Status == RenderStatus.PendingApproval)
            {
                WebhookOutbox.Publish(s, WebhookEventTypes.RenderPendingApproval, requestedAt, WebhookAudience.Of(render.PerformerId),
                    new Dictionary<string, object?> { ["renderId"] = render.Id, ["licenseId"] = render.LicenseId, ["performerId"] = render.PerformerId, ["studioId"] = render.StudioId });
            }

            return Outcome.Of(render.Status == RenderStatus.PendingApproval ? 202 : 201, ToView(render, decision.Reasons) with { Watermark = WatermarkTokens.Hex(made.Watermark) });
        }, ct));
    }

    /// <summary>Counts the gateway's answer by outcome (after the commit, so a batch run again never counts twice).</summary>
    private static Outcome Counted(Outcome answer)
    {
        LikenessMetrics.RecordDecision(answer.Status);
        return answer;
    }

    /// <summary>Settles a render: the actual seconds (never above the reservation) and the output's hash.</summary>
    public Task<Outcome> CompleteAsync(PartyRecord caller, string id, CompleteBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        var actual = FieldRules.Seconds(body.ActualSeconds, "actualSeconds");
        if (body.OutputSha256 is not { Length: 64 } || !body.OutputSha256.All(char.IsAsciiHexDigitLower))
        {
            throw AppProblem.BadRequest("invalid_hash", "outputSha256 is 64 lower-case hex digits.", "outputSha256");
        }

        var fingerprint = body.Fingerprint is null ? null : Fingerprints.Parse(body.Fingerprint, "fingerprint");
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var render = OwnRender(s, caller, id);
            var now = clock.GetUtcNow();
            RequireAuthorized(s, render, now);
            if (actual > render.ReservedMillis)
            {
                throw new AppProblem(409, "exceeds_reservation", $"actualSeconds is above the {Millis.Format(render.ReservedMillis)} seconds reserved.", "actualSeconds");
            }

            // The render's price factor was fixed when it was authorized (the licence's terms never change); the payees are
            // those in force when it settles.
            var splitVersion = s.GetSplits(render.PerformerId, null)?.Version ?? 0;
            var done = Settle(s, render, render with { Status = RenderStatus.Completed, ActualMillis = actual, OutputSha256 = body.OutputSha256, SettledAt = now, SplitVersion = splitVersion },
                new LedgerEntry("render.completed", now).With("render", id).With("license", render.LicenseId)
                    .With("use", render.UseIndex).With("reservedMs", render.ReservedMillis).With("actualMs", actual).With("outputSha256", body.OutputSha256)
                    .With("factorE12", render.FactorE12).With("splitVersion", splitVersion));
            if (fingerprint is not null)
            {
                s.Provenance.InsertFingerprint(new FingerprintRecord(id, fingerprint.ToBytes(), now));
            }

            return Outcome.Ok(ToView(done, []));
        }, ct);
    }

    /// <summary>Cancels a pending or authorized render and releases its reservation.</summary>
    public Task<Outcome> CancelAsync(PartyRecord caller, string id, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var render = OwnRender(s, caller, id);
            var now = clock.GetUtcNow();
            if (render.Status == RenderStatus.Authorized)
            {
                RequireAuthorized(s, render, now);
            }
            else if (render.Status != RenderStatus.PendingApproval)
            {
                throw NotIn(render);
            }

            var cancelled = Settle(s, render, render with { Status = RenderStatus.Cancelled, SettledAt = now },
                new LedgerEntry("render.cancelled", now).With("render", id).With("license", render.LicenseId).With("releasedMs", render.ReservedMillis));
            return Outcome.Ok(ToView(cancelled, []));
        }, ct);

    /// <summary>The performer side approves one pending render; it is decided again and, if permitted, reserved.</summary>
    public Task<Outcome> ApproveAsync(PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var render = PerformerSideRender(s, caller, id);
            var proof = gate.Check(s, caller, s.GetParty(render.PerformerId), Power.Renders, act);
            var now = clock.GetUtcNow();
            if (render.ExpiresAt <= now)
            {
                // Past its approval window, even before the sweeper records the lapse.
                return Outcome.Refused(new Problem(409, "approval_expired", $"The render waited for approval until {render.ExpiresAt:O}; it has lapsed and cannot be approved.", null));
            }

            var snapshot = snapshots.Load(s, render.LicenseId)!;
            var recorded = Json.DeserializeStored<RecordedRenderRequest>(render.RequestJson);
            var facts = RenderFactsParser.Parse(recorded.ToBody(), now);
            facts = facts with { Categories = facts.Categories | recorded.PromptMask() };
            var month = CapMonths.Of(now);
            var decision = DecideInTransaction(s, snapshot, facts, instanceApproved: true, now, month);
            if (decision.Effect != DecisionEffect.Permit)
            {
                return Outcome.Refused(Denied(decision.Reasons, 409));
            }

            s.AdjustBudget(render.LicenseId, decision.UseIndex, 0, render.RequestedMillis, 0, 1);
            var index = ActGate.Append(s, new LedgerEntry("render.approved", now).With("render", id).With("license", render.LicenseId).With("use", decision.UseIndex)
                .With("by", caller.Id).With("reservedMs", render.RequestedMillis).With("modality", Vocabulary<Modality>.Name(facts.Modality)), proof);
            var approved = render with
            {
                Status = RenderStatus.Authorized,
                UseIndex = decision.UseIndex,
                ReservedMillis = render.RequestedMillis,
                ExpiresAt = now + options.ReservationTtl,
                ObligationsJson = Json.Serialize(ObligationViews(decision.Obligations)),
                LedgerIndex = index,
                CapMonth = month,
            };
            CapCounting.Reserve(s, approved, facts.Modality);
            s.UpdateRender(approved);
            return Outcome.Ok(ToView(approved, []));
        }, ct);

    /// <summary>The performer side rejects one pending render.</summary>
    public Task<Outcome> RejectAsync(PartyRecord caller, string id, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var render = PerformerSideRender(s, caller, id);
            var proof = gate.Check(s, caller, s.GetParty(render.PerformerId), Power.Renders, act);
            var now = clock.GetUtcNow();
            var rejected = Settle(s, render, render with { Status = RenderStatus.Rejected, SettledAt = now },
                new LedgerEntry("render.rejected", now).With("render", id).With("license", render.LicenseId).With("by", caller.Id), proof);
            return Outcome.Ok(ToView(rejected, []));
        }, ct);

    public Task<RenderView> GetAsync(PartyRecord caller, string id, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var render = s.GetRender(id);
                if (render is not null && (render.StudioId == caller.Id || IsPerformerSide(s, caller, render)))
                {
                    return StoredView(render) with { Watermark = s.Provenance.WatermarkOf(id) is { } token ? WatermarkTokens.Hex(token) : null };
                }

                throw AppProblem.NotFound("render");
            },
            ct);

    /// <summary>Lapses every reservation past its expiry and releases its budget. Returns how many lapsed.</summary>
    public Task<int> LapseExpiredAsync(CancellationToken ct = default) =>
        store.WriteAsync(s => LapseExpired(s, clock.GetUtcNow(), null), ct);

    internal int LapseExpired(IStoreSession s, DateTimeOffset now, string? licenseId)
    {
        var expired = s.ListExpiredReservations(now, licenseId, 1000);
        foreach (var r in expired)
        {
            Settle(s, r, r with { Status = RenderStatus.Lapsed, SettledAt = now },
                new LedgerEntry("render.lapsed", now).With("render", r.Id).With("license", r.LicenseId).With("releasedMs", r.ReservedMillis));
        }

        return expired.Count;
    }

    /// <summary>
    /// The one way a render reaches a final state (completed, cancelled, lapsed, rejected): an authorized render's
    /// reservation is released (and, when completed, its actual seconds and one render are used), the ledger entry is
    /// appended, and the render is stored with its index.
    /// </summary>
    private RenderRecord Settle(IStoreSession s, RenderRecord render, RenderRecord settled, LedgerEntry entry, ActProof? proof = null)
    {
        if (render.Status == RenderStatus.Authorized)
        {
            var completed = settled.Status == RenderStatus.Completed;
            s.AdjustBudget(settled.LicenseId, settled.UseIndex, completed ? settled.ActualMillis!.Value : 0, -settled.ReservedMillis, completed ? 1 : 0, -1);
            if (settled.CapMonth is not null)
            {
                CapCounting.Settle(s, settled, snapshots.UseModality(s, settled.LicenseId, settled.UseIndex));
            }
        }

        var done = settled with { LedgerIndex = ActGate.Append(s, entry, proof) };
        s.UpdateRender(done);
        return done;
    }

    /// <summary>
    /// Decides on the budgets and cap counters as the transaction sees them (authoritative). When a budget or a cap looks
    /// spent, lapsed reservations are released first: the licence's for its budget, any licence's for a cap (a cap spans
    /// the performer's licences).
    /// </summary>
    internal Decision DecideInTransaction(IStoreSession s, CompiledLicense snapshot, in RenderFacts facts, bool instanceApproved, DateTimeOffset now, int month)
    {
        var builder = t_builder ??= new DecisionBuilder();
        Span<CapUsage> caps = stackalloc CapUsage[snapshot.Consent.Caps.Length];
        CapCounting.Fill(s, snapshot, month, caps);
        var effect = RenderEvaluator.Decide(snapshot, facts, Budgets(s, snapshot), caps, instanceApproved, builder);
        var capped = builder.Has(ReasonCode.PerformerCapExhausted);
        if (effect == DecisionEffect.Deny && (capped || builder.Has(ReasonCode.SecondsBudgetExhausted) || builder.Has(ReasonCode.RenderBudgetExhausted)) &&
            LapseExpired(s, now, capped ? null : snapshot.Id) > 0)
        {
            CapCounting.Fill(s, snapshot, month, caps);
            RenderEvaluator.Decide(snapshot, facts, Budgets(s, snapshot), caps, instanceApproved, builder);
        }

        return builder.Build();
    }

    /// <summary>
    /// The snapshot on the performer's current consent: a snapshot built before she wrote a new version (on this node a
    /// moment ago, or on another whose change this node has not followed yet) is built again inside the transaction, so
    /// a cap binds from the commit that sets it, on every node.
    /// </summary>
    internal CompiledLicense Current(IStoreSession s, CompiledLicense snapshot) =>
        (s.GetCurrentConsent(snapshot.PerformerId)?.Version ?? 0) == snapshot.Consent.Version ? snapshot : snapshots.Load(s, snapshot.Id) ?? snapshot;

    internal static CapUsage[] CapUsages(IStoreSession s, CompiledLicense snapshot, int month)
    {
        var usage = new CapUsage[snapshot.Consent.Caps.Length];
        CapCounting.Fill(s, snapshot, month, usage);
        return usage;
    }

    internal static UseBudget[] Budgets(IStoreSession s, CompiledLicense snapshot)
    {
        var budgets = new UseBudget[snapshot.Uses.Length];
        foreach (var b in s.GetBudgets(snapshot.Id))
        {
            if (b.UseIndex < budgets.Length)
            {
                budgets[b.UseIndex] = new UseBudget(b.SecondsUsedMillis, b.SecondsReservedMillis, b.RendersUsed, b.RendersReserved);
            }
        }

        return budgets;
    }

    private void RequireAuthorized(IStoreSession s, RenderRecord render, DateTimeOffset now)
    {
        if (render.Status != RenderStatus.Authorized)
        {
            throw NotIn(render);
        }

        if (render.ExpiresAt <= now)
        {
            throw AppProblem.Conflict("reservation_lapsed", "The reservation lapsed before the render was settled; authorize again.");
        }
    }

    internal static AppProblem NotIn(RenderRecord r) =>
        AppProblem.Conflict("render_state", $"The render is {Vocabulary<RenderStatus>.Name(r.Status)}.");

    private static RenderRecord OwnRender(IStoreSession s, PartyRecord caller, string id)
    {
        var render = s.GetRender(id);
        if (render is null || render.StudioId != caller.Id)
        {
            if (render is not null && IsPerformerSide(s, caller, render))
            {
                throw AppProblem.Forbidden("Only the studio settles its renders.");
            }

            throw AppProblem.NotFound("render");
        }

        return render;
    }

    private static RenderRecord PerformerSideRender(IStoreSession s, PartyRecord caller, string id)
    {
        var render = s.GetRender(id);
        if (render is null || !IsPerformerSide(s, caller, render))
        {
            if (render is not null && render.StudioId == caller.Id)
            {
                throw AppProblem.Forbidden("Only the performer side approves a render.");
            }

            throw render is null ? AppProblem.NotFound("render") : AccessRules.NotOnSide(caller, s.GetParty(render.PerformerId), "render");
        }

        return render.Status == RenderStatus.PendingApproval ? render : throw NotIn(render);
    }

    internal static bool IsPerformerSide(IStoreSession s, PartyRecord caller, RenderRecord r) =>
        s.GetParty(r.PerformerId) is { } p && AccessRules.IsPerformerSide(caller, p);

    /// <summary>A 403 (or given status) problem carrying the decision and every reason.</summary>
    public static Problem Denied(IReadOnlyList<Reason> reasons, int status = 403) =>
        new(status, "render_denied", string.Join(" ", reasons.Select(r => r.Message).Distinct()), null, new Dictionary<string, object?>
        {
            ["decision"] = "deny",
            ["reasons"] = reasons.Select(r => new ReasonView(r.WireCode, r.Message, r.Rule)).ToArray(),
        });

    internal static ObligationView[] ObligationViews(IEnumerable<Obligation> obligations) =>
        obligations.Select(o => new ObligationView(o.Action, o.Rule, o.Details.Count == 0 ? null : o.Details)).ToArray();

    // Renders of one licence and use carry the same few obligation lists: each stored list is parsed once (bounded).
    private static readonly ConcurrentDictionary<string, ObligationView[]> s_obligations = new(StringComparer.Ordinal);

    private static ObligationView[] StoredObligations(string json)
    {
        if (s_obligations.TryGetValue(json, out var known))
        {
            return known;
        }

        var parsed = Json.DeserializeStored<ObligationView[]>(json);
        if (s_obligations.Count < 1024)
        {
            s_obligations.TryAdd(json, parsed);
        }

        return parsed;
    }

    /// <summary>A stored render as a read shows it: a pending one with the reason it waits.</summary>
    public static RenderView StoredView(RenderRecord render) =>
        ToView(render, render.Status == RenderStatus.PendingApproval ? [new Reason(ReasonCode.InstanceApprovalRequired, "policy/sensitive-content")] : []);

    public static RenderView ToView(RenderRecord r, IEnumerable<Reason> reasons) => new(
        r.Id,
        r.Status switch
        {
            RenderStatus.PendingApproval => "pending",
            RenderStatus.Rejected => "deny",
            _ => "permit",
        },
        Vocabulary<RenderStatus>.Name(r.Status), r.LicenseId, r.UseIndex, Millis.ToSeconds(r.RequestedMillis), Millis.ToSeconds(r.ReservedMillis),
        r.ActualMillis is { } a ? Millis.ToSeconds(a) : null, r.OutputSha256, r.CreatedAt, r.ExpiresAt, r.SettledAt,
        StoredObligations(r.ObligationsJson), reasons.Select(x => new ReasonView(x.WireCode, x.Message, x.Rule)).ToArray(), r.LedgerIndex)
    {
        // Only a render waiting for the performer side says what in its prompt asked for it (read then, off the hot path).
        PromptTriggers = r.Status == RenderStatus.PendingApproval ? Json.DeserializeStored<RecordedRenderRequest>(r.RequestJson).PromptTriggers : null,
    };
}
