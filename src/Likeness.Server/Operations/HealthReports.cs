using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Likeness.Server.Operations;

/// <summary>
/// The latest health report, which ASP.NET Core's health check publisher makes every second, kept as the two answers
/// <c>/healthz</c> can give (this node sequencing or not), encoded once. A probe then costs no store read and no
/// encoding: a load balancer may call it as often as it likes. Logs each change of the overall status, with the
/// reasons (the answer itself never shows an exception's text).
/// </summary>
public sealed partial class HealthReports(ILogger<HealthReports> log) : IHealthCheckPublisher
{
    private readonly Lock _logging = new();
    private volatile Answers? _latest;
    private HealthStatus? _loggedStatus;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Keep(report);
        return Task.CompletedTask;
    }

    /// <summary>The answer for a probe: the latest report, or a report made now when none was published yet (just after the start).</summary>
    public Task<IResult> AnswerAsync(bool sequencer, HealthCheckService checks, CancellationToken ct) =>
        _latest is { } latest ? latest.For(sequencer) : FirstAnswerAsync(sequencer, checks, ct);

    private async Task<IResult> FirstAnswerAsync(bool sequencer, HealthCheckService checks, CancellationToken ct) =>
        await Keep(await checks.CheckHealthAsync(ct)).For(sequencer);

    private Answers Keep(HealthReport report)
    {
        var answers = new Answers(Task.FromResult<IResult>(Answer(report, sequencer: true)), Task.FromResult<IResult>(Answer(report, sequencer: false)));
        _latest = answers;
        lock (_logging)
        {
            if (_loggedStatus is { } before ? before != report.Status : report.Status != HealthStatus.Healthy)
            {
                _loggedStatus = report.Status;
                var reasons = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
                    .Select(e => $"{e.Key}: {e.Value.Description}{(e.Value.Exception is { } x ? " (" + x.Message.ReplaceLineEndings(" ") + ")" : "")}")
                    .ToList();
                LogChanged(log, Name(report.Status), reasons.Count == 0 ? "every check passes" : string.Join("; ", reasons));
            }
        }

        return answers;
    }

    /// <summary>
    /// <c>{"status":"ok","sequencer":true,"checks":{"store":{…},"ledger":{…}}}</c>; 503 when unhealthy. The top-level
    /// <c>status</c> and <c>sequencer</c> are what the first <c>/healthz</c> answered, so probes written for it still work.
    /// </summary>
    private static HealthResult Answer(HealthReport report, bool sequencer)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("status", Name(report.Status));
            w.WriteBoolean("sequencer", sequencer);
            w.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                w.WriteStartObject(name);
                w.WriteString("status", Name(entry.Status));
                if (entry.Description is { } description)
                {
                    w.WriteString("description", description);
                }

                w.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 3));
                foreach (var (key, value) in entry.Data)
                {
                    switch (value)
                    {
                        case long n:
                            w.WriteNumber(key, n);
                            break;
                        case double d:
                            w.WriteNumber(key, d);
                            break;
                        case bool b:
                            w.WriteBoolean(key, b);
                            break;
                        default:
                            w.WriteString(key, value.ToString());
                            break;
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return new HealthResult(report.Status == HealthStatus.Unhealthy ? 503 : 200, buffer.ToArray());
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "ok",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health is now {Status}: {Reasons}")]
    private static partial void LogChanged(ILogger logger, string status, string reasons);

    /// <summary>The two answers of one report, as completed tasks, so that a probe allocates nothing for them.</summary>
    private sealed record Answers(Task<IResult> Sequencing, Task<IResult> NotSequencing)
    {
        public Task<IResult> For(bool sequencer) => sequencer ? Sequencing : NotSequencing;
    }

    /// <summary>A health answer, encoded once and written as is to every probe.</summary>
    private sealed class HealthResult(int status, byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
