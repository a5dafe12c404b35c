using Likeness.Application.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Likeness.Server.Http;

/// <summary>Turns every failure into problem details: a client's mistake into a 4xx naming the field, a bug into a bare 500.</summary>
public sealed partial class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
            if (context.Response is { StatusCode: >= 400, HasStarted: false } && context.Response.ContentLength is null && string.IsNullOrEmpty(context.Response.ContentType))
            {
                var status = context.Response.StatusCode;
                await ProblemWriter.From(new AppProblem(status, status switch { 404 => "not_found", 405 => "method_not_allowed", 415 => "unsupported_media_type", _ => "request_failed" }, ProblemWriter.Title(status)), context.Request.Path)
                    .ExecuteAsync(context);
            }
        }
        catch (AppProblem p) when (!context.Response.HasStarted)
        {
            if (p.Status == 401)
            {
                // RFC 6750: a bearer-token resource says so, and why when a token was sent. A refused act signature is
                // another challenge: the API key was good, the act's Likeness-Signature was not.
                context.Response.Headers.WWWAuthenticate = p.Code == "signature_invalid" ? "Likeness-Signature realm=\"likeness\""
                    : context.Request.Headers.Authorization.Count == 0
                    ? "Bearer realm=\"likeness\""
                    : "Bearer realm=\"likeness\", error=\"invalid_token\"";
            }

            if (p.Extensions?.GetValueOrDefault("retryAfterSeconds") is int retry)
            {
                context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await ProblemWriter.From(p, context.Request.Path).ExecuteAsync(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var status = e.StatusCode == 413 ? 413 : 400;
            await ProblemWriter.From(new AppProblem(status, status == 413 ? "body_too_large" : "bad_request", e.Message), context.Request.Path).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
#pragma warning disable CA1031 // Last line of defence: log it, answer a bare 500.
        catch (Exception e) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            LogUnhandled(log, e, context.Request.Path);
            await ProblemWriter.From(new AppProblem(500, "internal_error", "The server failed to answer; nothing was changed unless a later read shows it."), context.Request.Path).ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception e, string path);
}
