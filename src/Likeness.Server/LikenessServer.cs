using Likeness.Application;
using Likeness.Server.Api;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Warning;
}

/// <summary>Builds the HTTP server: one process serves the API and the ledger's read endpoints.</summary>
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
        builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);

        // Hosting logs every request's start and end only at Information; while any level of that category is on it
        // also creates an Activity per request for the log scope. Likeness logs its own failures (ProblemMiddleware).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestContext.MaxBodyBytes);
        builder.Services.AddSingleton(core);
        builder.Services.AddHostedService<ReservationSweeper>();
        builder.Services.AddSingleton<LedgerSequencer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LedgerSequencer>());
        builder.Services.AddHostedService<ChangeFeedPoller>();
        builder.Services.AddOpenApi("v1");
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            core.Dispose();
        });
        app.UseMiddleware<ProblemMiddleware>();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/healthz", (LedgerSequencer sequencer) => TypedResults.Ok(new { status = "ok", sequencer = sequencer.IsSequencer })).ExcludeFromDescription();
        app.MapPartiesApi();
        app.MapConsentApi();
        app.MapLicensesApi();
        app.MapRendersApi();
        app.MapLedgerApi();
        app.MapRoyaltiesApi();
        return new BuiltServer(app, core, operatorKey);
    }
}

/// <summary>A built server, its use cases, and the operator key if this start created it.</summary>
public sealed record BuiltServer(WebApplication App, LikenessCore Core, string? NewOperatorKey);
