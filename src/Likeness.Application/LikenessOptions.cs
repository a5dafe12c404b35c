namespace Likeness.Application;

/// <summary>Settings of one Likeness node.</summary>
public sealed record LikenessOptions
{
    /// <summary>The ledger origin and key name.</summary>
    public string Origin { get; init; } = "likeness.local/ledger";

    /// <summary>How long a render's reservation holds before it lapses and its budget is released.</summary>
    public TimeSpan ReservationTtl { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a render waits for the performer side's per-instance approval before it lapses (it reserved nothing, so
    /// nothing is released; a lapsed render cannot be approved).
    /// </summary>
    public TimeSpan PendingApprovalTtl { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long the first answer under an Idempotency-Key is kept for retries (Stripe keeps 24 hours). After it, the key
    /// is forgotten: the same key then starts a new request. Swept in the background.
    /// </summary>
    public TimeSpan IdempotencyRetention { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether webhook endpoints may point at loopback and private addresses (off: a party must not make the server probe
    /// its own network; on for a receiver on the operator's own network, and in tests).
    /// </summary>
    public bool WebhookPrivateAddresses { get; init; }

    /// <summary>
    /// The operator's external prompt classifier (<c>serve --classifier-url</c>), asked beside the lexicons; none by
    /// default. When it fails or times out, the render goes to per-instance approval, never silently through.
    /// </summary>
    public Ports.IExternalClassifier? ExternalClassifier { get; init; }

    /// <summary>The largest asset content the vault accepts (docs/CUSTODY.md): 20 GiB unless the operator says otherwise.</summary>
    public long VaultMaxBytes { get; init; } = 20L << 30;
}
