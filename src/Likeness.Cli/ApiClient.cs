using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Likeness.Cli;

/// <summary>A 2xx answer: its status (a render pending approval is a 202) and its JSON body.</summary>
public sealed record ApiAnswer(int Status, JsonNode? Body);

/// <summary>
/// Talks to a Likeness server; any non-2xx answer becomes a one-line <see cref="CliException"/> with its exit code. With an
/// act key it signs every mutating request (a signed act carries an Idempotency-Key: one is made when none is given).
/// </summary>
public sealed class ApiClient(string server, string? key, string? idempotencyKey, ActKeyFile? actKey = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(server.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Sends a request and returns the body of a 2xx answer.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, string? body = null) =>
        (await CallAsync(method, path, body)).Body;

    /// <summary>Sends a request and returns the 2xx answer with its status.</summary>
    public async Task<ApiAnswer> CallAsync(HttpMethod method, string path, string? body = null)
    {
        using var req = Request(method, path);
        var idem = actKey is not null && method != HttpMethod.Get ? idempotencyKey ?? "act-" + Guid.NewGuid().ToString("N") : idempotencyKey;
        if (idem is not null && method != HttpMethod.Get)
        {
            req.Headers.Add("Idempotency-Key", idem);
        }

        if (actKey is not null && idem is not null && method != HttpMethod.Get)
        {
            // The path as the server routes it: the base address's path and the request's, without the query.
            var target = new Uri(_http.BaseAddress!, path.TrimStart('/')).AbsolutePath;
            req.Headers.Add(Likeness.Ledger.Acts.ActSignature.Header, actKey.Sign(method.Method, target, body, idem));
        }

        if (body is not null)
        {
            req.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var res = await SendAsync(req);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        var json = ParseOrNull(bytes);
        if (!res.IsSuccessStatusCode)
        {
            throw Failure(path, (int)res.StatusCode, json, bytes);
        }

        return new ApiAnswer((int)res.StatusCode, json);
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
        using var req = Request(HttpMethod.Get, path);
        using var res = await SendAsync(req);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        return res.IsSuccessStatusCode ? bytes : throw Failure(path, (int)res.StatusCode, ParseOrNull(bytes), bytes);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var req = new HttpRequestMessage(method, path.TrimStart('/'));
        if (key is not null)
        {
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return req;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage req)
    {
        try
        {
            return await _http.SendAsync(req);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach {server}: {e.Message}", ExitCodes.Unreachable);
        }
        catch (TaskCanceledException)
        {
            throw new CliException($"cannot reach {server}: no answer within {_http.Timeout.TotalSeconds:0} s", ExitCodes.Unreachable);
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
        _http.Dispose();
        actKey?.Dispose();
    }
}
