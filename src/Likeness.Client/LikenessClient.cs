using Likeness.Client.Transport;

namespace Likeness.Client;

/// <summary>
/// The Likeness SDK: typed calls for the whole API, grouped by area, over one resilient transport. Mutations carry an
/// Idempotency-Key kept across retries, so a retried call is applied once. A refusal is a typed
/// <see cref="LikenessProblemException"/>; no answer at all, a <see cref="LikenessUnreachableException"/>.
/// </summary>
/// <example>
/// <code>
/// using var likeness = new LikenessClient(new LikenessClientOptions { Server = new("https://likeness.example"), ApiKey = key });
/// await using var render = await likeness.Renders.AuthorizeAsync(request);
/// // … produce the output …
/// await render.CompleteAsync("take.wav");
/// </code>
/// </example>
public sealed class LikenessClient : IDisposable
{
    /// <param name="options">Where the server is, the key, retries and timeouts.</param>
    /// <param name="innerHandler">The HTTP handler under the resilience layer; sockets when null.</param>
    public LikenessClient(LikenessClientOptions options, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Transport = new LikenessTransport(options, innerHandler);
        var calls = new JsonCalls(Transport);
        Parties = new PartiesClient(calls);
        Consent = new ConsentClient(calls);
        Licenses = new LicensesClient(calls);
        Ledger = new LedgerClient(calls);
        Provenance = new ProvenanceClient(calls, Licenses, Ledger);
        Renders = new RendersClient(calls, options, Provenance);
        Royalties = new RoyaltiesClient(calls);
        Webhooks = new WebhooksClient(calls);
        Acts = new ActsClient(calls);
    }

    /// <summary>A client of <paramref name="server"/> with <paramref name="apiKey"/> and the default retries and timeouts.</summary>
    public LikenessClient(Uri server, string? apiKey)
        : this(new LikenessClientOptions { Server = server, ApiKey = apiKey })
    {
    }

    public LikenessClientOptions Options { get; }

    /// <summary>The HTTP path under every call, for a route the SDK does not type yet.</summary>
    public LikenessTransport Transport { get; }

    public PartiesClient Parties { get; }

    public ConsentClient Consent { get; }

    public LicensesClient Licenses { get; }

    public RendersClient Renders { get; }

    public RoyaltiesClient Royalties { get; }

    public LedgerClient Ledger { get; }

    public WebhooksClient Webhooks { get; }

    public ActsClient Acts { get; }

    /// <summary>C2PA trust anchors, credentials and watermark look-ups.</summary>
    public ProvenanceClient Provenance { get; }

    public void Dispose() => Transport.Dispose();
}
