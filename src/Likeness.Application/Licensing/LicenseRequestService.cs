using System.Globalization;
using Likeness.Application.Access;
using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Application.Royalties;
using Likeness.Application.Strikes;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Licensing;

/// <summary>
/// A studio asks; the performer side approves, vetoes or counters; the studio may accept a counter. Approval
/// (or acceptance) creates the licence with its terms, term end and signed token.
/// </summary>
public sealed class LicenseRequestService(IStore store, TimeProvider clock, Mutations mutations, SnapshotCache snapshots, KeyRing keys, ActGate gate)
{
    public Task<Outcome> CreateAsync(PartyRecord caller, LicenseRequestBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Studio);
        var terms = TermsMapper.ToTerms(body.Project, body.Description, body.Uses, body.Compensation, retention: body.Retention);
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            if (s.GetParty(body.PerformerId) is not { Kind: PartyKind.Performer })
            {
                throw AppProblem.BadRequest("unknown_performer", "No performer with this id.", "performerId");
            }

            var consent = snapshots.ConsentFor(s.GetCurrentConsent(body.PerformerId));
            var conflicts = RequestReview.Review(terms, consent, attested: false).Concat(UnionFloors.Check(s, body.PerformerId, terms))
                .Concat(PastPostMortemTerm(s.GetParty(body.PerformerId)!, terms)).Select(ToView).ToArray();
            var now = clock.GetUtcNow();
            var id = Ids.New("lrq", now);
            var index = s.AppendLedgerEntry(new LedgerEntry("license.requested", now).With("request", id).With("performer", body.PerformerId)
                .With("studio", caller.Id).With("consentVersion", consent.Version).WithHash("termsSha256", TermsMapper.ViewJson(terms)).ToBytes());
            var request = new LicenseRequestRecord(
                id, body.PerformerId, caller.Id, RequestStatus.Pending, terms, Json.Serialize(conflicts), null, null, null, now, now, index);
            s.InsertRequest(request);
            WebhookOutbox.Publish(s, WebhookEventTypes.RequestReceived, now, WebhookAudience.Of(request.PerformerId), EventData(request));
            return Outcome.Created(ToView(request, AccessRules.HoldsLicenceOf(s, caller, body.PerformerId)));
        }, ct);
    }

    /// <summary>
    /// What sending <paramref name="body"/> would meet, without sending it: the conflicts with the performer's current
    /// consent and her union's floors, as <see cref="CreateAsync"/> records them (the web app's request wizard).
    /// </summary>
    public Task<ConflictView[]> ReviewAsync(PartyRecord caller, LicenseRequestBody body, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Studio);
        var terms = TermsMapper.ToTerms(body.Project, body.Description, body.Uses, body.Compensation, retention: body.Retention);
        return store.ReadAsync(
            s =>
            {
                if (s.GetParty(body.PerformerId) is not { Kind: PartyKind.Performer })
                {
                    throw AppProblem.BadRequest("unknown_performer", "No performer with this id.", "performerId");
                }

                var consent = snapshots.ConsentFor(s.GetCurrentConsent(body.PerformerId));
                return RequestReview.Review(terms, consent, attested: false).Concat(UnionFloors.Check(s, body.PerformerId, terms)).Select(ToView).ToArray();
            },
            ct);
    }

    public Task<LicenseRequestView> GetAsync(PartyRecord caller, string id, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var request = Visible(s, caller, id, performerSideOnly: false);
                var performerSide = s.GetParty(request.PerformerId) is { } p && AccessRules.IsPerformerSide(caller, p);
                return ToView(request, performerSide || AccessRules.HoldsLicenceOf(s, caller, request.PerformerId));
            },
            ct);

    public Task<Outcome> ApproveAsync(PartyRecord caller, string id, ApproveBody body, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default)
    {
        if (body.Attestation is { } a)
        {
            Attestations.Validate(a);
        }

        Note(body.Note, "note");
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var request = Visible(s, caller, id, performerSideOnly: true);
            var proof = gate.Check(s, caller, s.GetParty(request.PerformerId), Power.Approve, act);
            RequireStatus(request, RequestStatus.Pending);
            var attestation = body.Attestation is { } given ? Attestations.Check(s, given, request) : null;
            if (attestation is null && !DescriptionCheck.IsReasonablySpecific(request.Terms.Description))
            {
                throw AppProblem.Conflict(
                    "description_not_specific",
                    "The description of use is not reasonably specific (California AB 2602); approve with an attestation by counsel or a union, or counter with a specific description.");
            }

            var belowFloor = UnionFloors.Check(s, request.PerformerId, request.Terms).Count > 0;
            if (belowFloor && body.RateOverride != true)
            {
                throw AppProblem.Conflict("below_union_floor", "The compensation is below the union's minimum rate; approve with rateOverride: true to record an explicit override, or counter.");
            }

            return Outcome.Created(Grant(s, request, request.Terms, RequestStatus.Approved, caller.Id, attestation, body.Note, belowFloor, proof));
        }, ct);
    }

    public Task<Outcome> VetoAsync(PartyRecord caller, string id, VetoBody body, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default)
    {
        FieldRules.Text(body.Reason, "reason", 2000);
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var request = Visible(s, caller, id, performerSideOnly: true);
            var proof = gate.Check(s, caller, s.GetParty(request.PerformerId), Power.Veto, act);
            if (request.Status is not (RequestStatus.Pending or RequestStatus.Countered))
            {
                throw AppProblem.Conflict("request_not_open", $"The request is {Vocabulary<RequestStatus>.Name(request.Status)}.");
            }

            var now = clock.GetUtcNow();
            var index = ActGate.Append(s, new LedgerEntry("license.vetoed", now).With("request", id).With("by", caller.Id).WithHash("reasonSha256", body.Reason), proof);
            var vetoed = request with { Status = RequestStatus.Vetoed, Note = body.Reason.Trim(), UpdatedAt = now, LedgerIndex = index };
            s.UpdateRequest(vetoed);
            WebhookOutbox.Publish(s, WebhookEventTypes.RequestVetoed, now, WebhookAudience.Of(request.PerformerId, request.StudioId), EventData(vetoed));
            return Outcome.Ok(ToView(vetoed));
        }, ct);
    }

    public Task<Outcome> CounterAsync(PartyRecord caller, string id, CounterBody body, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default)
    {
        Note(body.Note, "note");
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var request = Visible(s, caller, id, performerSideOnly: true);
            var proof = gate.Check(s, caller, s.GetParty(request.PerformerId), Power.Counter, act);
            RequireStatus(request, RequestStatus.Pending);
            var terms = TermsMapper.ToTerms(body.Project ?? request.Terms.Project, body.Description ?? request.Terms.Description, body.Uses, body.Compensation,
                retention: body.Retention ?? TermsMapper.RetentionText(request.Terms.Retention));
            if (!DescriptionCheck.IsReasonablySpecific(terms.Description))
            {
                throw AppProblem.BadRequest("description_not_specific", "A counter offer carries a reasonably specific description of use.", "description");
            }

            if (body.RateOverride != true && UnionFloors.Check(s, request.PerformerId, terms).Count > 0)
            {
                throw AppProblem.BadRequest("below_union_floor", "The countered compensation is below the union's minimum rate; send rateOverride: true to record an explicit override.", "compensation");
            }

            var now = clock.GetUtcNow();
            var index = ActGate.Append(s, new LedgerEntry("license.countered", now).With("request", id).With("by", caller.Id)
                .WithHash("termsSha256", TermsMapper.ViewJson(terms)), proof);
            var countered = request with { Status = RequestStatus.Countered, CounterTerms = terms, Note = body.Note, UpdatedAt = now, LedgerIndex = index };
            s.UpdateRequest(countered);
            WebhookOutbox.Publish(s, WebhookEventTypes.RequestCountered, now, WebhookAudience.Of(request.PerformerId, request.StudioId), EventData(countered));
            return Outcome.Ok(ToView(countered));
        }, ct);
    }

    public Task<Outcome> AcceptAsync(PartyRecord caller, string id, AcceptBody body, IdempotentRequest? idem, ActRequest? act = null, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Studio);
        Note(body.Note, "note");
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var request = Visible(s, caller, id, performerSideOnly: false);
            var proof = gate.Check(s, caller, s.GetParty(request.PerformerId), null, act);
            RequireStatus(request, RequestStatus.Countered);
            // A counter below the floor was accepted at counter time only with the performer side's explicit override.
            var belowFloor = UnionFloors.Check(s, request.PerformerId, request.CounterTerms!).Count > 0;
            return Outcome.Created(Grant(s, request, request.CounterTerms!, RequestStatus.Accepted, caller.Id, null, body.Note, belowFloor, proof));
        }, ct);
    }

    private LicenseView Grant(IStoreSession s, LicenseRequestRecord request, LicenseTerms terms, RequestStatus outcome, string by, Attested? attestation, string? note, bool rateOverride, ActProof? proof)
    {
        var now = clock.GetUtcNow();
        // A union's strike refuses new licences with the studio (unless it waived the project); one declared but not yet
        // started suspends the new licence from its start, as it does those granted before it.
        // After the death no licence outlives the post-mortem right, and none is granted once it has ended.
        if (s.GetParty(request.PerformerId)?.PostMortemEnd is { } pmEnd)
        {
            if (now >= pmEnd)
            {
                throw AppProblem.Conflict("post_mortem_term_ended", $"The performer's post-mortem right ended at {pmEnd:O}; no licence can be granted.");
            }

            if (terms.TermEnd > pmEnd)
            {
                throw AppProblem.Conflict("beyond_post_mortem_term", $"The licence would run past the post-mortem term end ({pmEnd:O}); counter with uses ending by then.");
            }
        }

        var suspensions = new List<Suspension>();
        if (StrikeEffects.OnGrant(s, request.PerformerId, request.StudioId, terms.Project, now, suspensions) is { } strike)
        {
            throw strike;
        }

        var licenseId = Ids.New("lic", now);
        var consentVersion = s.GetCurrentConsent(request.PerformerId)?.Version ?? 0;
        var termsJson = TermsMapper.ViewJson(terms);
        var termsHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(termsJson)));
        var signing = keys.InForce(PublishedKeys.Read(s)) ?? throw new AppProblem(503, "signing_key_unavailable", "This node cannot sign licence tokens: it lacks the ledger's current signing key.");
        var token = signing.SignJws(Json.Serialize(new LicenseClaims(
            keys.Origin, licenseId, request.PerformerId, request.StudioId, termsHash, now.ToUnixTimeSeconds(), terms.TermEnd.ToUnixTimeSeconds(),
            terms.Uses.Select(u => Vocabulary<Modality>.Name(u.Modality)).Distinct().ToArray())));
        var entry = new LedgerEntry(outcome == RequestStatus.Approved ? "license.approved" : "license.accepted", now)
            .With("license", licenseId).With("request", request.Id).With("performer", request.PerformerId).With("studio", request.StudioId)
            .With("by", by).With("termsSha256", termsHash).With("consentVersion", consentVersion)
            .With("termEnd", terms.TermEnd).WithHash("projectSha256", terms.Project)
            .With("attested", attestation is null ? 0 : 1).With("rateOverride", rateOverride ? 1 : 0).With("budgets", BudgetsMember.Of(terms));
        var index = ActGate.Append(s, attestation?.AddTo(entry) ?? entry, proof);
        // A licence the estate itself approves after the death carries the estate's consent (it is the estate's own act);
        // a counter made in life and accepted by the studio after the death still needs it.
        var estateApproved = outcome == RequestStatus.Approved && s.GetParty(request.PerformerId)?.DiedOn is not null;
        var license = new LicenseRecord(licenseId, request.Id, request.PerformerId, request.StudioId, terms, LicenseStatus.Active, null, now, estateApproved, consentVersion, token, attestation?.Text, index, rateOverride, suspensions);
        s.InsertLicense(license);
        var granted = request with { Status = outcome, LicenseId = licenseId, Note = note ?? request.Note, UpdatedAt = now, LedgerIndex = index };
        s.UpdateRequest(granted);
        WebhookOutbox.Publish(s, WebhookEventTypes.RequestApproved, now, WebhookAudience.Of(request.PerformerId, request.StudioId), EventData(granted));
        return LicenseViews.ToView(license, s.GetBudgets(licenseId), now);
    }

    // A use running past the performer's post-mortem term end (after her death) is a conflict: it could never be granted as asked.
    private static IEnumerable<Conflict> PastPostMortemTerm(PartyRecord performer, LicenseTerms terms) =>
        performer.PostMortemEnd is { } end
            ? terms.Uses.Select((u, i) => (u, i)).Where(x => x.u.To > end).Select(x => new Conflict(ReasonCode.PostMortemTermEnded, "law/post-mortem-term", x.i))
            : [];

    // Thin: ids and the state; a receiver reads the request with its own key.
    private static Dictionary<string, object?> EventData(LicenseRequestRecord r) => new()
    {
        ["requestId"] = r.Id,
        ["performerId"] = r.PerformerId,
        ["studioId"] = r.StudioId,
        ["status"] = Vocabulary<RequestStatus>.Name(r.Status),
        ["licenseId"] = r.LicenseId,
    };

    private static LicenseRequestRecord Visible(IStoreSession s, PartyRecord caller, string id, bool performerSideOnly)
    {
        var request = s.GetRequest(id);
        if (request is not null)
        {
            var performer = s.GetParty(request.PerformerId);
            var performerSide = performer is not null && AccessRules.IsPerformerSide(caller, performer);
            if (performerSide || (!performerSideOnly && caller.Id == request.StudioId))
            {
                return request;
            }

            if (caller.Id == request.StudioId)
            {
                throw AppProblem.Forbidden("Only the performer side decides on a request.");
            }

            if (performerSideOnly)
            {
                throw AccessRules.NotOnSide(caller, performer, "licence request");
            }
        }

        throw AppProblem.NotFound("licence request");
    }

    private static void RequireStatus(LicenseRequestRecord r, RequestStatus expected)
    {
        if (r.Status != expected)
        {
            throw AppProblem.Conflict("request_not_open", $"The request is {Vocabulary<RequestStatus>.Name(r.Status)}, not {Vocabulary<RequestStatus>.Name(expected)}.");
        }
    }

    private static void Note(string? note, string field)
    {
        if (note is { Length: > 2000 })
        {
            throw AppProblem.BadRequest("invalid_text", "At most 2000 characters.", field);
        }
    }

    /// <summary>How the ids of consent rules begin (<c>consent/v3/no-politics</c>).</summary>
    public const string ConsentRulePrefix = "consent/";

    public static ConflictView ToView(Conflict c) => new(c.WireCode, c.Rule, c.Message, c.UseIndex < 0 ? null : c.UseIndex, c.Derivations?.Select(Vocabulary<Derivation>.Name).ToArray());

    /// <summary>
    /// A request as the performer side sees it. With <paramref name="consentRules"/> false (a studio holding no licence
    /// of the performer), a conflict with the consent names its code, message and use but not the rule: rule ids
    /// would let any studio map a performer's consent through throw-away requests (every one of which is ledgered and
    /// shown to the performer side).
    /// </summary>
    public static LicenseRequestView ToView(LicenseRequestRecord r, bool consentRules = true) => new(
        r.Id, Vocabulary<RequestStatus>.Name(r.Status), r.PerformerId, r.StudioId, TermsMapper.ToView(r.Terms),
        Json.DeserializeStored<ConflictView[]>(r.ConflictsJson).Select(c => consentRules || !c.Rule.StartsWith(ConsentRulePrefix, StringComparison.Ordinal) ? c : c with { Rule = "consent" }).ToArray(),
        r.CounterTerms is null ? null : TermsMapper.ToView(r.CounterTerms),
        r.Note, r.LicenseId, r.CreatedAt, r.UpdatedAt, r.LedgerIndex);
}

/// <summary>The payload of a licence token (JWS ES256), verifiable offline with the server's published key.</summary>
public sealed record LicenseClaims(string Iss, string Sub, string Performer, string Studio, string TermsSha256, long Iat, long Exp, string[] Modalities);
