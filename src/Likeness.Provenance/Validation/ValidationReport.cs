using Likeness.Provenance.Claims;

namespace Likeness.Provenance.Validation;

/// <summary>The C2PA validation states, as the reference implementation names them.</summary>
public enum ValidationState
{
    /// <summary>No manifest store in the file (or a format Likeness does not read).</summary>
    NoManifest,

    /// <summary>A failure beyond trust: a bad signature, a broken hash, a malformed manifest.</summary>
    Invalid,

    /// <summary>Well-formed and intact, but signed by a certificate that does not chain to a trust anchor given.</summary>
    Valid,

    /// <summary>Valid and signed under a given trust anchor.</summary>
    Trusted,
}

/// <summary>One C2PA status: its code (<c>assertion.dataHash.mismatch</c>) and a short explanation.</summary>
public sealed record ValidationStatus(string Code, string Explanation);

/// <summary>
/// What validating a file's active manifest found: the state, every failure and success by C2PA status code, and
/// what the manifest says (its label, the claim, the signer, and the Likeness render assertion when present).
/// </summary>
public sealed record ValidationReport(
    ValidationState State,
    string? ManifestLabel,
    IReadOnlyList<ValidationStatus> Failures,
    IReadOnlyList<string> Successes,
    Claim? Claim,
    byte[]? ClaimSha256,
    string? Signer,
    RenderFacts? Render,
    string? DigitalSourceType)
{
    /// <summary>True when some failure has <paramref name="code"/>.</summary>
    public bool Failed(string code) => Failures.Any(f => f.Code == code);
}
