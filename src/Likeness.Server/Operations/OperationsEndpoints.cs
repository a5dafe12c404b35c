using Likeness.Application;
using Likeness.Application.Access;
using Likeness.Application.Operations;
using Likeness.Domain.Common;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Likeness.Server.Operations;

/// <summary>
/// The operator's view: <c>/healthz</c> on ASP.NET Core health checks, <c>/metrics</c> in Prometheus's format through
/// OpenTelemetry, and the per-request log line. docs/OPERATIONS.md says what each guarantees. Neither route is in the
/// OpenAPI document: they are the operator's, not the API's.
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>The health checks (run every second in the background), the ledger's watch, and metrics unless they are off.</summary>
    public static void AddOperations(this IServiceCollection services, LikenessCore core, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(new LedgerWatch(core.Clock));
        services.AddSingleton<HealthReports>();
        services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<HealthReports>());
        services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.Zero;
            o.Period = TimeSpan.FromSeconds(1);
        });
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", HealthStatus.Unhealthy, [], TimeSpan.FromSeconds(5))
            .AddCheck<LedgerHealthCheck>("ledger", HealthStatus.Degraded, [], TimeSpan.FromSeconds(5));

        if (settings.Metrics != MetricsAccess.Off)
        {
            services.AddSingleton<LedgerGauges>();
            services.AddOpenTelemetry().ConfigureResource(r => r.AddService("likeness")).WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(LikenessMetrics.MeterName)
                .AddPrometheusExporter());
        }
    }

    /// <summary>Maps <c>/healthz</c> (public, never rate limited) and, unless metrics are off, <c>/metrics</c>.</summary>
    public static void MapOperations(this WebApplication app, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        var reports = app.Services.GetRequiredService<HealthReports>();
        var checks = app.Services.GetRequiredService<HealthCheckService>();
        var sequencer = app.Services.GetRequiredService<LedgerSequencer>();
        app.MapRawQuery<object>("/healthz", s => reports.AnswerAsync(sequencer.IsSequencer, checks, s.Aborted), RouteAccess.Public)
            .ExcludeFromDescription()
            .WithMetadata(new SharedRoute(SharedRoute.Health, RouteAccess.Public));

        if (settings.Metrics == MetricsAccess.Off)
        {
            return;
        }

        app.Services.GetRequiredService<LedgerGauges>();
        var core = app.Services.GetRequiredService<LikenessCore>();
        var open = settings.Metrics == MetricsAccess.Public;
        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: open ? null : b => b.Use(next => http => OperatorOnlyAsync(http, core, next)), optionsName: null)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]), new SharedRoute(SharedRoute.Query, open ? RouteAccess.Public : RouteAccess.Caller))
            .ExcludeFromDescription();
    }

    /// <summary>The operator's key, or a 401 (no valid key) or 403 (another party's) problem before the exporter runs.</summary>
    private static async Task OperatorOnlyAsync(HttpContext http, LikenessCore core, RequestDelegate next)
    {
        AccessRules.RequireKind(await http.CallerAsync(core), PartyKind.Operator);
        await next(http);
    }
}
