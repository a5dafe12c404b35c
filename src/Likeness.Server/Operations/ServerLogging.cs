using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Likeness.Server.Operations;

/// <summary>The console log: its level, one line per message (text or JSON), and what is never written to it.</summary>
public static class ServerLogging
{
    /// <summary>Configures <paramref name="logging"/> for <paramref name="settings"/>.</summary>
    public static void Configure(ILoggingBuilder logging, ServerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(settings);
        logging.SetMinimumLevel(settings.MinimumLogLevel);
        if (settings.LogFormat == LogFormat.Json)
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        // A request never waits for the console: when the logger's queue is full, lines are dropped, and the logger says
        // how many.
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);

        // ASP.NET Core writes several lines per request at Information and below (the endpoint, the result); the request
        // log is one line, so its detail is shown only at Trace, where everything is.
        if (settings.MinimumLogLevel > LogLevel.Trace)
        {
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        // Hosting logs every request's start and end only at Information; while any level of that category is on it
        // also creates an Activity per request for the log scope. RequestLogMiddleware writes the one line per request.
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);

        // A failed start (a busy port, a certificate Kestrel refuses) is thrown by StartAsync to the caller, which reports
        // it in one line; the host's own log of it would repeat it with a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // The health checks run every second; HealthReports logs when the health changes, not every failed run.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);
    }
}
