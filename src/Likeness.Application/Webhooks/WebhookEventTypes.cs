namespace Likeness.Application.Webhooks;

/// <summary>The event types an endpoint may subscribe to (docs/WEBHOOKS.md says what each carries and who gets it).</summary>
public static class WebhookEventTypes
{
    public const string RequestReceived = "license_request.received";
    public const string RequestCountered = "license_request.countered";
    public const string RequestApproved = "license_request.approved";
    public const string RequestVetoed = "license_request.vetoed";
    public const string RenderPendingApproval = "render.pending_approval";
    public const string LicenseSuspended = "license.suspended";
    public const string LicenseResumed = "license.resumed";
    public const string LicenseRevoked = "license.revoked";
    public const string LicenseRevocationEffective = "license.revocation_effective";
    public const string LicenseExpiring = "license.expiring";
    public const string PerformerDied = "performer.death_recorded";
    public const string StatementClosed = "statement.closed";
    public const string StrikeDeclared = "strike.declared";
    public const string StrikeWaived = "strike.waived";
    public const string StrikeEnded = "strike.ended";
    public const string AssetRetentionDue = "asset.retention_due";
    public const string AssetRetentionOverdue = "asset.retention_overdue";
    public const string AssetDeleted = "asset.deleted";
    public const string AssetShredded = "asset.shredded";

    /// <summary>Sent only by <c>POST /v1/webhooks/{id}/test</c>, to that endpoint; no subscription needed.</summary>
    public const string Test = "webhook.test";

    /// <summary>Every type an endpoint may list in its <c>events</c>; <c>*</c> subscribes to all.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        RequestReceived, RequestCountered, RequestApproved, RequestVetoed, RenderPendingApproval, LicenseSuspended, LicenseResumed,
        LicenseRevoked, LicenseRevocationEffective, LicenseExpiring, PerformerDied, StatementClosed, StrikeDeclared, StrikeWaived, StrikeEnded,
        AssetRetentionDue, AssetRetentionOverdue, AssetDeleted, AssetShredded,
    ];

    public const string Wildcard = "*";
}
