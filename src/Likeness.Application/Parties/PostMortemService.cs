using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Parties;

/// <summary>The estate renews a performer's post-mortem right on evidence of authorised use: the ledger's settled renders (docs/DOMAIN.md).</summary>
public sealed class PostMortemService(TimeProvider clock, Mutations mutations, SnapshotCache snapshots)
{
    /// <summary>How many settled renders a renewal cites (the newest in the window).</summary>
    public const int CitedRenders = 20;

    public async Task<Outcome> RenewAsync(PartyRecord caller, string performerId, IdempotentRequest? idem, CancellationToken ct = default)
    {
        var outcome = await mutations.WriteAsync(caller.Id, idem, s =>
        {
            var performer = s.GetParty(performerId);
            if (performer is not { Kind: PartyKind.Performer } || !(AccessRules.IsEstateOf(caller, performerId) || AccessRules.IsPerformerSide(caller, performer)))
            {
                throw AppProblem.NotFound("performer");
            }

            if (performer.DiedAt is not { } diedAt || performer.PostMortemEnd is not { } end || !AccessRules.IsEstateOf(caller, performerId))
            {
                throw AppProblem.Forbidden("Only the estate renews the post-mortem right, after the death.");
            }

            var now = clock.GetUtcNow();
            // Renewal follows the table in force now: a law that changes its renewals changes them for terms running.
            var rule = PostMortemTerms.For(PostMortemTable.InForce(s), performer.Domicile);
            if (now >= end)
            {
                throw AppProblem.Conflict("post_mortem_term_ended", $"The post-mortem right ended at {end:O}; it cannot be renewed.");
            }

            if (PostMortemTerms.Renewed(rule, diedAt, end) is not { } renewed)
            {
                throw AppProblem.Conflict("not_renewable", $"The rule of {rule.Jurisdiction} renews nothing more (at most {rule.MaximumYears} years after death).");
            }

            var from = PostMortemTerms.EvidenceFrom(rule, end);
            if (now < from)
            {
                throw AppProblem.Conflict("renewal_not_open", $"Renewal opens at {from:O}, {rule.EvidenceYears} years before the term ends.");
            }

            // Evidence: her renders settled in the window, newest first, as the ledger holds them.
            var evidence = s.ListUsage(null, performerId, null, (now.AddTicks(1), ""), CitedRenders).Where(r => r.SettledAt >= from).ToList();
            if (evidence.Count == 0)
            {
                throw AppProblem.Conflict("no_evidence_of_use", $"No authorised render settled since {from:O}: a renewal needs evidence of active use.");
            }

            s.SetPostMortemEnd(performerId, renewed);
            s.RecordChange(ChangeKinds.Performer, performerId);
            var index = s.AppendLedgerEntry(new LedgerEntry("post_mortem.renewed", now).With("performer", performerId).With("by", caller.Id)
                .With("previousEnd", end).With("termEnd", renewed).With("evidenceFrom", from)
                .With("evidence", string.Join(',', evidence.Select(r => r.LedgerIndex))).ToBytes());
            return Outcome.Ok(new PostMortemRenewalView(performerId, rule.Jurisdiction, end, renewed, [.. evidence.Select(r => r.LedgerIndex)], index));
        }, ct);
        snapshots.InvalidatePerformer(performerId);
        return outcome;
    }
}

/// <summary>A renewal: the term's previous and new ends, and the ledger indexes of the settled renders it cites.</summary>
public sealed record PostMortemRenewalView(string PerformerId, string Jurisdiction, DateTimeOffset PreviousEnd, DateTimeOffset TermEnd, long[] Evidence, long LedgerIndex);
