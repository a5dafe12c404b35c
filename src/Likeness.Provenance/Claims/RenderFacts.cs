namespace Likeness.Provenance.Claims;

/// <summary>
/// What a credential says about the render that made the file: the <c>dev.likeness.render</c> assertion, and whether
/// the performers' consent forbids training on the output (the <c>c2pa.training-mining</c> assertion).
/// </summary>
/// <param name="RenderId">The render the file came out of.</param>
/// <param name="LicenseId">The licence it was made under.</param>
/// <param name="PerformerIds">The performers whose likeness it carries, in the licence's order.</param>
/// <param name="LedgerIndex">The index of the render's authorization entry in the log.</param>
/// <param name="LogOrigin">The log's origin line (its checkpoints name it), so a reader knows which log to ask.</param>
/// <param name="NotForTraining">True when a performer's consent forbids training or data mining on the output.</param>
public sealed record RenderFacts(
    string RenderId, string LicenseId, IReadOnlyList<string> PerformerIds, long LedgerIndex, string LogOrigin, bool NotForTraining)
{
    /// <summary>Equal in every field, the performers compared in order.</summary>
    public bool SameAs(RenderFacts other) =>
        RenderId == other.RenderId && LicenseId == other.LicenseId && PerformerIds.SequenceEqual(other.PerformerIds)
        && LedgerIndex == other.LedgerIndex && LogOrigin == other.LogOrigin && NotForTraining == other.NotForTraining;
}
