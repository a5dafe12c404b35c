using Likeness.Domain.Common;

namespace Likeness.Application.Model;

/// <summary>
/// One contributor of a render with several performers (docs/DOMAIN.md, "Renders with several performers"): her licence,
/// role and share, and the render record that holds her part (<see cref="PartId"/>: her reservation, budget and caps, and
/// her settled seconds). <see cref="NeedsApproval"/> says her side's rules asked for a per-instance approval, which
/// <see cref="ApprovedBy"/> records once given.
/// </summary>
public sealed record ContributorRecord(
    string RenderId, int Position, string PartId, string LicenseId, string PerformerId, ContributorRole Role, int ShareBps,
    bool NeedsApproval, string? ApprovedBy = null, DateTimeOffset? ApprovedAt = null);
