namespace Likeness.Domain.Decisions;

/// <summary>Why a render (or a licence request) is not simply permitted. Wire names are snake_case and stable.</summary>
public enum ReasonCode
{
    LicenseNotFound, LicenseNotActive, LicenseExpired, LicenseSuspended, LicenseRevoked,
    ModalityNotLicensed, PurposeNotLicensed, TerritoryNotLicensed, LanguageNotLicensed, OutsideLicenseWindow,
    DeliverableTooLong, SecondsBudgetExhausted, RenderBudgetExhausted, ContentProhibited, InstanceApprovalRequired,
    DerivationNotLicensed, EstateConsentRequired,

    // Extensions (API.md: extend, keep these).
    ContentNotLicensed, UseProhibited, AgeModificationNotPermitted, RealtimeNotPermitted, ConsentMissing,
    DescriptionNotSpecific, BelowUnionFloor, PerformerCapExhausted, PostMortemTermEnded,
    RoleNotPermitted,
}

/// <summary>Wire names and human messages of <see cref="ReasonCode"/>.</summary>
public static class ReasonCodes
{
    private static readonly string[] Wire =
    [
        "license_not_found", "license_not_active", "license_expired", "license_suspended", "license_revoked",
        "modality_not_licensed", "purpose_not_licensed", "territory_not_licensed", "language_not_licensed", "outside_license_window",
        "deliverable_too_long", "seconds_budget_exhausted", "render_budget_exhausted", "content_prohibited", "instance_approval_required",
        "derivation_not_licensed", "estate_consent_required",
        "content_not_licensed", "use_prohibited", "age_modification_not_permitted", "realtime_not_permitted", "consent_missing",
        "description_not_specific", "below_union_floor", "performer_cap_exhausted", "post_mortem_term_ended",
        "role_not_permitted",
    ];

    private static readonly string[] Messages =
    [
        "No licence with this id is visible to the caller.",
        "The licence is not active.",
        "The licence has passed its term end (its digital expiration date).",
        "The licence is suspended.",
        "The licence is revoked.",
        "The licence does not cover this modality.",
        "The licence does not cover this purpose.",
        "The licence does not cover this territory.",
        "The licence does not cover this language.",
        "The render falls outside the licence's window.",
        "The deliverable is longer than the licence allows.",
        "The licence's synthetic-seconds budget would be exceeded.",
        "The licence's render budget would be exceeded.",
        "The performer's consent prohibits this content.",
        "The performer side must approve this render before it is permitted.",
        "The licence does not cover this kind of derivation.",
        "The performer has died; the estate has not consented to this licence.",
        "The licence does not cover a declared content category.",
        "The performer's consent prohibits this use.",
        "The performer's consent does not allow this age modification.",
        "The performer's consent does not allow real-time generation.",
        "No permission of the performer's consent covers this use.",
        "The description of use is not reasonably specific (California AB 2602) and no counsel or union attested it.",
        "The proposed compensation is below the union's minimum rate (or in another currency); approval needs an explicit override.",
        "The performer's cap on her synthetic output for the period would be exceeded.",
        "The performer's post-mortem right has ended; every licence ended with it.",
        "The performer's consent does not let her take this role in a render with several performers (driving others, say).",
    ];

    public static string WireName(ReasonCode c) => Wire[(int)c];

    public static string Message(ReasonCode c) => Messages[(int)c];

    public static IReadOnlyList<string> AllWireNames => Wire;
}
