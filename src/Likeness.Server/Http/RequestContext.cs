using System.Security.Cryptography;
using System.Text;
using Likeness.Application;
using Likeness.Application.Acts;
using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Ledger.Acts;
using Likeness.Server.Security;
using Microsoft.AspNetCore.Http;

namespace Likeness.Server.Http;

/// <summary>Per-request helpers: who is calling, the body, the idempotency key, and turning outcomes into responses.</summary>
public static class RequestContext
{
    public const int MaxBodyBytes = 1024 * 1024;
    private const string CallerItem = "likeness.caller";

    /// <summary>Where a command's signed act (<see cref="ActRequest"/>) is kept once its body is read.</summary>
    public const string ActItem = "likeness.act";

    /// <summary>Authenticates the bearer key; 401 without a valid one.</summary>
    public static async ValueTask<PartyRecord> CallerAsync(this HttpContext http, LikenessCore core)
    {
        if (http.Items[CallerItem] is PartyRecord cached)
        {
            return cached;
        }

        var failures = http.RequestServices.GetService(typeof(AuthFailureLimiter)) as AuthFailureLimiter;
        failures?.ThrowIfBlocked(http);
        if (BearerKey(http) is not { } key)
        {
            failures?.Failed(http);
            throw new AppProblem(401, "unauthenticated", "Send 'Authorization: Bearer <api key>'.");
        }

        var party = await core.Parties.AuthenticateAsync(key, http.RequestAborted);
        if (party is null)
        {
            failures?.Failed(http);
            throw new AppProblem(401, "unauthenticated", "The API key is not valid.");
        }

        http.Items[CallerItem] = party;
        return party;
    }

    /// <summary>The API key of <c>Authorization: Bearer …</c> (the scheme in any case, spaces trimmed), or null.</summary>
    public static string? BearerKey(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || header.Length > 300)
        {
            return null;
        }

        var key = header.AsSpan(prefix.Length).Trim();
        return key.Length == 0 ? null : key.Length == header.Length - prefix.Length ? header[prefix.Length..] : key.ToString();
    }

    /// <summary>Reads and deserializes the JSON body strictly; returns it with the idempotency key (hashing method, path and body).</summary>
    public static async Task<(T Body, IdempotentRequest? Idem)> BodyAsync<T>(this HttpContext http)
    {
        var bytes = await RawBodyAsync(http, requireJson: true);
        KeepSignedAct(http, bytes);
        return (Json.Deserialize<T>(bytes), Idempotency(http, bytes));
    }

    /// <summary>Like <see cref="BodyAsync{T}"/>, but an empty body means <paramref name="empty"/>.</summary>
    public static async Task<(T Body, IdempotentRequest? Idem)> OptionalBodyAsync<T>(this HttpContext http, T empty)
    {
        var bytes = await RawBodyAsync(http, requireJson: true);
        KeepSignedAct(http, bytes);
        return (bytes.Length == 0 ? empty : Json.Deserialize<T>(bytes), Idempotency(http, bytes));
    }

    /// <summary>The raw body (at most 1 MiB).</summary>
    public static async Task<byte[]> RawBodyAsync(this HttpContext http, bool requireJson)
    {
        var type = http.Request.ContentType;
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue? media = null;

        // The usual types are known without parsing them.
        if (type is "application/json" or "application/json; charset=utf-8")
        {
            type = null;
        }

        if (type is not null && !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(type, out media))
        {
            throw new AppProblem(415, "unsupported_media_type", "The Content-Type is not a media type.");
        }

        // The media type exactly (application/json-patch+json is another format), then the charset.
        if (requireJson && media is not null && !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) &&
            !media.MediaType.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
        {
            throw new AppProblem(415, "unsupported_media_type", "Send the body as application/json.");
        }

        if (media is not null && media.Charset.HasValue &&
            !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new AppProblem(415, "unsupported_charset", "JSON is read as UTF-8 only: send charset=utf-8 or none.");
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw new AppProblem(413, "body_too_large", $"The body is larger than {MaxBodyBytes} bytes.");
        }

        if (http.Request.ContentLength is { } length)
        {
            // The usual case: the client said how long the body is, so it is read into an array of exactly that size.
            var exact = new byte[length];
            await http.Request.Body.ReadExactlyAsync(exact, http.RequestAborted);
            return exact;
        }

        using var ms = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            if (ms.Length + n > MaxBodyBytes)
            {
                throw new AppProblem(413, "body_too_large", $"The body is larger than {MaxBodyBytes} bytes.");
            }

            ms.Write(buffer, 0, n);
        }

        return ms.ToArray();
    }

    /// <summary>
    /// Keeps the command's signed act (<see cref="RequestScope.Act"/>) when it carries a <c>Likeness-Signature</c>: the
    /// signature and what it must sign. One header lookup otherwise, so a request without one (a render) pays nothing more.
    /// </summary>
    public static void KeepSignedAct(this HttpContext http, ReadOnlySpan<byte> body)
    {
        if (http.Request.Headers.TryGetValue(ActSignature.Header, out var signature))
        {
            http.Items[ActItem] = new ActRequest(
                signature.ToString(), http.Request.Method, http.Request.Path.Value ?? "", ActSignature.BodySha256(body),
                http.Request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null);
        }
    }

    /// <summary>The request's Idempotency-Key, bound to a hash of its method, path and body.</summary>
    public static IdempotentRequest? Idempotency(this HttpContext http, ReadOnlySpan<byte> body)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            return null;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(http.Request.Method + " " + http.Request.Path + "\n"));
        hash.AppendData(body);
        return IdempotentRequest.From(key, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static IResult ToResult(this Outcome o) => new OutcomeResult(o);

    /// <summary>An outcome as the response: its status and its JSON, written as UTF-8 with its length; a refusal as problem details.</summary>
    private sealed class OutcomeResult(Outcome outcome) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (outcome.Refusal is { } refusal)
            {
                return ProblemWriter.From(refusal, httpContext.Request.Path).ExecuteAsync(httpContext);
            }

            var response = httpContext.Response;
            var body = outcome.Utf8;
            response.StatusCode = outcome.Status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
