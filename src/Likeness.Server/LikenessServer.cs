using System.Security.Cryptography.X509Certificates;
using Likeness.Application;
using Likeness.Server.Api;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Likeness.Server.Operations;
using Likeness.Server.Security;
using Likeness.Server.Webhooks;
using Likeness.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>What one server process needs: where its store is, where it listens, its clock, and its signing key file.</summary>
public sealed record ServerSettings(string Db, string Urls)
{
    /// <summary>The signing key file; null: beside a SQLite store (<see cref="StoreFactory.SigningKeys"/>).</summary>
    public string? SigningKey { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public LikenessOptions Options { get; init; } = new();

    /// <summary>
    /// The console log's level. Warning by default: one line per request is written at Information, and below it the
    /// request log is not even in the pipeline, so the render gateway pays nothing for it (docs/OPERATIONS.md).
    /// </summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;

    /// <summary>Text (one line per message) or JSON (one object per line).</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Who may read <c>/metrics</c>; <see cref="MetricsAccess.Off"/> collects nothing.</summary>
    public MetricsAccess Metrics { get; init; } = MetricsAccess.Operator;

    /// <summary>Request rate limits (per key, per address, failed authentications).</summary>
    public RateLimits RateLimits { get; init; } = new();

    /// <summary>The TLS certificate (with its private key) for <c>https://</c> URLs; null serves plain HTTP only.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>
    /// Whether to believe <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from a reverse proxy on loopback (off
    /// unless asked: otherwise any client could choose the address its rate limit is counted against).
    /// </summary>
    public bool ForwardedHeaders { get; init; }
}

/// <summary>Builds the HTTP server: one process serves the API, the ledger's read endpoints and the web app (docs/WEB.md).</summary>
public static class LikenessServer
{
    /// <summary>Opens (and if empty, initialises) the store and builds the app. <see cref="BuiltServer.NewOperatorKey"/> is set when this call initialised the store.</summary>
    public static async Task<BuiltServer> BuildAsync(ServerSettings settings, CancellationToken ct = default)
    {
        var keys = StoreFactory.SigningKeys(settings.Db, settings.SigningKey);
        var store = StoreFactory.Open(settings.Db);
        var core = await LikenessCore.OpenAsync(store, keys, settings.Clock, settings.Options, ct);
        var operatorKey = await core.Parties.InitializeAsync(ct);

        var builder = WebApplication.CreateSlimBuilder();
        ServerLogging.Configure(builder.Logging, settings);
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.ConfigureEndpointDefaults(listen => listen.Use(BareRefusalRewriter.Middleware));
            k.Limits.MaxRequestBodySize = RequestContext.MaxBodyBytes;

            // Kestrel answers its own limits with an empty body (BareRefusalRewriter gives it one); the request line's is
            // raised above the API's 8 KiB (RequestShapeMiddleware), which answers with problem details itself.
            k.Limits.MaxRequestLineSize = 4 * RequestShapeMiddleware.MaxTargetLength;
            k.Limits.MaxRequestHeadersTotalSize = RequestShapeMiddleware.MaxHeaderBytes;
            if (settings.Certificate is { } certificate)
            {
                k.ConfigureHttpsDefaults(h => h.ServerCertificate = certificate);
            }
        });
        builder.Services.AddSingleton(settings.RateLimits);
        builder.Services.AddSingleton<AuthFailureLimiter>();
        builder.Services.AddSingleton(RequestRateLimiter.Create(settings.RateLimits));
        builder.Services.AddSingleton(core);
        builder.Services.AddHostedService<ReservationSweeper>();
        builder.Services.AddHostedService<IdempotencySweeper>();
        builder.Services.AddSingleton<LedgerSequencer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedgerSequencer>());
        builder.Services.AddHostedService<ChangeFeedPoller>();
        builder.Services.AddSingleton(new WebhookSender(settings.Options.WebhookPrivateAddresses, settings.Clock));
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddOperations(core, settings);
        builder.Services.AddApiDocumentation();
        builder.Services.AddLikenessWeb(settings.Clock);
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            core.Dispose();
        });
        if (settings.ForwardedHeaders)
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
        }

        if (settings.MinimumLogLevel <= LogLevel.Information)
        {
            app.UseMiddleware<RequestLogMiddleware>();
        }

        app.UseMiddleware<ProblemMiddleware>();
        app.UseMiddleware<RequestShapeMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.MapApiDocumentation();
        app.MapOperations(settings);
        app.MapPartiesApi();
        app.MapActsApi();
        app.MapConsentApi();
        app.MapLicensesApi();
        app.MapRendersApi();
        app.MapProvenanceApi();
        app.MapWatermarkApi();
        app.MapLedgerApi();
        app.MapRoyaltiesApi();
        app.MapPlanningApi();
        app.MapWebhooksApi();
        app.MapStrikesApi();
        app.MapVaultApi(settings.Options.VaultMaxBytes);
        app.MapProblemTypesApi();
        app.MapLikenessWeb();
        return new BuiltServer(app, core, operatorKey);
    }
}

/// <summary>A built server, its use cases, and the operator key if this start created it.</summary>
public sealed record BuiltServer(WebApplication App, LikenessCore Core, string? NewOperatorKey);
