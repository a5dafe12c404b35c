using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Provenance;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Renders;

/// <summary>
/// A render as a decision makes it, prepared outside the writer: the record (its ledger index still to come), the
/// request and obligations as stored, the ledger entry's bytes and leaf hash, and the watermark token it carries.
/// </summary>
internal sealed record PreparedRender(DecisionEffect Effect, int UseIndex, IReadOnlyList<Obligation> Obligations, RenderRecord Render, byte[] Entry, byte[] LeafHash, ulong Watermark)
{
    public static PreparedRender For(Decision decision, CompiledLicense snapshot, string studioId, RenderBody body, in RenderFacts facts, ExternalVerdict? verdict, long factor, DateTimeOffset now, LikenessOptions options)
    {
        var pending = decision.Effect == DecisionEffect.PendingApproval;
        var render = new RenderRecord(
            Ids.New("rnd", now), snapshot.Id, studioId, snapshot.PerformerId, decision.UseIndex,
            pending ? RenderStatus.PendingApproval : RenderStatus.Authorized,
            Json.Serialize(RecordedRenderRequest.Of(body, facts.Categories & ~facts.DeclaredCategories, verdict)), facts.RequestedMillis,
            pending ? 0 : facts.RequestedMillis, null, null, Json.Serialize(RenderService.ObligationViews(decision.Obligations)), now,
            now + (pending ? options.PendingApprovalTtl : options.ReservationTtl), null, 0, factor, CapMonth: pending ? null : CapMonths.Of(now));
        // The token its audio will carry (issue 19), recorded in the entry so the ledger binds it to the render.
        var watermark = WatermarkTokens.Draw();
        var entry = new LedgerEntry(pending ? "render.pending" : "render.authorized", now)
            .With("render", render.Id).With("license", snapshot.Id).With("use", decision.UseIndex).With("requestedMs", facts.RequestedMillis)
            .With("reservedMs", render.ReservedMillis).With("modality", Vocabulary<Modality>.Name(facts.Modality)).WithHash("requestSha256", render.RequestJson)
            .With("watermark", WatermarkTokens.Hex(watermark)).ToBytes();
        return new PreparedRender(decision.Effect, decision.UseIndex, decision.Obligations, render, entry, Likeness.Ledger.Hashes.Leaf(entry), watermark);
    }

    /// <summary>Whether the writer's decision (on the budgets) makes the same render as the one prepared.</summary>
    public bool Matches(Decision d) => d.Effect == Effect && d.UseIndex == UseIndex && d.Obligations.SequenceEqual(Obligations);
}
