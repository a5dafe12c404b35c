using Likeness.Domain.Common;

namespace Likeness.Domain.Licensing;

/// <summary>
/// Which assets a licence use may receive from the custody vault (docs/CUSTODY.md): the use's modality, and a tier its
/// derivation needs. Altering a recorded performance needs scans of it (a static replica); a performance the performer
/// never gave, or one driven by another's capture, may also need a behavioural emulator; only a new performance may
/// take a generative persona. A use that names no derivation gets static replicas only.
/// </summary>
public static class AssetRelease
{
    /// <summary>Whether an asset of <paramref name="modality"/> and <paramref name="tier"/> fits <paramref name="use"/>.</summary>
    public static bool Fits(LicenseUse use, Modality modality, Tier tier)
    {
        ArgumentNullException.ThrowIfNull(use);
        return use.Modality == modality && tier switch
        {
            Tier.StaticReplica => true,
            Tier.BehavioralEmulator => use.Derivation is Derivation.NewPerformance or Derivation.Puppetry,
            _ => use.Derivation is Derivation.NewPerformance,
        };
    }
}
