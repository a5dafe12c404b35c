namespace Likeness.Provenance.Validation;

/// <summary>The C2PA status codes Likeness's validator reports (C2PA 2.x, section "Validation").</summary>
public static class StatusCodes
{
    public const string ClaimSignatureValidated = "claimSignature.validated";
    public const string ClaimSignatureMismatch = "claimSignature.mismatch";
    public const string ClaimSignatureMissing = "claimSignature.missing";
    public const string InsideValidity = "claimSignature.insideValidity";
    public const string OutsideValidity = "claimSignature.outsideValidity";
    public const string Trusted = "signingCredential.trusted";
    public const string Untrusted = "signingCredential.untrusted";
    public const string InvalidCredential = "signingCredential.invalid";
    public const string HashedUriMatch = "assertion.hashedURI.match";
    public const string HashedUriMismatch = "assertion.hashedURI.mismatch";
    public const string AssertionMissing = "assertion.missing";
    public const string DataHashMatch = "assertion.dataHash.match";
    public const string DataHashMismatch = "assertion.dataHash.mismatch";
    public const string DataHashMalformed = "assertion.dataHash.malformed";
    public const string HardBindingMissing = "claim.hardBindings.missing";
    public const string ClaimMissing = "claim.missing";
    public const string ClaimMalformed = "claim.malformed";
    public const string ManifestMalformed = "manifest.malformed";
}
