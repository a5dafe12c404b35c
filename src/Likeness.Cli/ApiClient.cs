using System.Text;
using System.Text.Json.Nodes;
using Likeness.Client;
using Likeness.Client.Transport;

namespace Likeness.Cli;

/// <summary>A 2xx answer: its status (a render pending approval is a 202) and its JSON body.</summary>
public sealed record ApiAnswer(int Status, JsonNode? Body);

/// <summary>
/// Talks to a Likeness server through the SDK's transport (Likeness.Client: one client, not two); any non-2xx answer
/// becomes a one-line <see cref="CliException"/> with its exit code. With an act key it signs every mutating request (a
/// signed act carries an Idempotency-Key: one is made when none is given).
/// </summary>
public sealed class ApiClient(string server, string? key, string? idempotencyKey, ActKeyFile? actKey = null) : IDisposable
{
    // A command waits a minute at most, retries included; it retries only what is safe to repeat (a GET, a keyed mutation).
    private readonly LikenessTransport _transport = new(new LikenessClientOptions
    {
        Server = new Uri(server.TrimEnd('/') + "/"),
        ApiKey = key,
        MaxRetries = 2,
        TotalTimeout = TimeSpan.FromSeconds(60),
    });

    /// <summary>Sends a request and returns the body of a 2xx answer.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, string? body = null) =>
        (await CallAsync(method, path, body)).Body;

    /// <summary>Sends a request and returns the 2xx answer with its status.</summary>
    public async Task<ApiAnswer> CallAsync(HttpMethod method, string path, string? body = null)
    {
        var idem = actKey is not null && method != HttpMethod.Get ? idempotencyKey ?? "act-" + Guid.NewGuid().ToString("N") : idempotencyKey;
        if (method == HttpMethod.Get)
        {
            idem = null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (actKey is not null && idem is not null)
        {
            // The path as the server routes it: the base address's path and the request's, without the query.
            var target = new Uri(_transport.Server, path.TrimStart('/')).AbsolutePath;
            headers.Add(new(Likeness.Ledger.Acts.ActSignature.Header, actKey.Sign(method.Method, target, body, idem)));
        }

        var res = await SendAsync(method, path, body is null ? null : Encoding.UTF8.GetBytes(body), idem, headers);
        var json = ParseOrNull(res.Body);
        if (!res.IsSuccess)
        {
            throw Failure(path, res.Status, json, res.Body);
        }

        return new ApiAnswer(res.Status, json);
    }

    /// <summary>GETs raw bytes, or null when the key may not see them (401, 403).</summary>
    public async Task<byte[]?> TryGetBytesAsync(string path)
    {
        try
        {
            return await GetBytesAsync(path);
        }
        catch (CliException e) when (e.HttpStatus is 401 or 403)
        {
            return null;
        }
    }

    /// <summary>GETs raw bytes (tiles, checkpoints, CSV); a non-2xx answer is a <see cref="CliException"/>.</summary>
    public async Task<byte[]> GetBytesAsync(string path)
    {
        var res = await SendAsync(HttpMethod.Get, path, null, null, []);
        return res.IsSuccess ? res.Body : throw Failure(path, res.Status, ParseOrNull(res.Body), res.Body);
    }

    private async Task<LikenessResponse> SendAsync(HttpMethod method, string path, byte[]? body, string? idem, List<KeyValuePair<string, string>> headers)
    {
        try
        {
            return await _transport.SendAsync(method, path, body, idem, headers);
        }
        catch (LikenessUnreachableException e)
        {
            throw new CliException(e.Message, ExitCodes.Unreachable);
        }
    }

    private static JsonNode? ParseOrNull(byte[] bytes)
    {
        try
        {
            return bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // Not JSON (a CSV export, a note); reported as text if the status is an error.
        }
    }

    private static CliException Failure(string path, int status, JsonNode? json, byte[] bytes) =>
        new(Describe(path, status, json, Encoding.UTF8.GetString(bytes)), ExitCodes.ForAnswer(status, json)) { HttpStatus = status, Body = json };

    /// <summary>One line for a problem. A denial names each reason once (its message, code and rule), not the detail that repeats them.</summary>
    private static string Describe(string path, int status, JsonNode? problem, string text)
    {
        if (problem is not JsonObject p)
        {
            return $"{path.Split('?')[0]}: HTTP {status}: {text.ReplaceLineEndings(" ").Trim()}";
        }

        if (p["reasons"] is JsonArray { Count: > 0 } rs)
        {
            var decision = p["decision"] is { } d ? $"{d}: " : $"{p["code"]}: ";
            return decision + string.Join("; ", rs.Select(r => $"{r?["code"]} ({r?["rule"]}): {r?["message"]?.ToString().TrimEnd('.')}"));
        }

        var field = p["field"] is { } f ? $" (field {f})" : "";
        return $"{p["code"] ?? $"HTTP {status}"}: {p["detail"] ?? p["title"]}{field}";
    }

    public void Dispose()
    {
        _transport.Dispose();
        actKey?.Dispose();
    }
}
