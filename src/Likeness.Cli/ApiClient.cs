using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Likeness.Cli;

/// <summary>Talks to a Likeness server; any non-2xx answer becomes a one-line <see cref="CliException"/>.</summary>
public sealed class ApiClient(string server, string? key, string? idempotencyKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(server.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json")
    {
        using var req = new HttpRequestMessage(method, path.TrimStart('/'));
        if (key is not null)
        {
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (idempotencyKey is not null && method != HttpMethod.Get)
        {
            req.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            req.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        HttpResponseMessage res;
        try
        {
            res = await _http.SendAsync(req);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach {server}: {e.Message}");
        }

        using (res)
        {
            var text = await res.Content.ReadAsStringAsync();
            JsonNode? json = null;
            try
            {
                json = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // Not JSON; reported below if the status is an error.
            }

            if (!res.IsSuccessStatusCode)
            {
                throw new CliException(Describe((int)res.StatusCode, json, text), (int)res.StatusCode == 403 && json?["decision"] is not null ? 2 : 1);
            }

            return json;
        }
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

    /// <summary>GETs raw bytes (tiles, checkpoints); a non-2xx answer is a <see cref="CliException"/>.</summary>
    public async Task<byte[]> GetBytesAsync(string path)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, path.TrimStart('/'));
        if (key is not null)
        {
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        try
        {
            using var res = await _http.SendAsync(req);
            var bytes = await res.Content.ReadAsByteArrayAsync();
            if (!res.IsSuccessStatusCode)
            {
                JsonNode? problem = null;
                try
                {
                    problem = JsonNode.Parse(bytes);
                }
                catch (System.Text.Json.JsonException)
                {
                    // Reported as text below.
                }

                throw new CliException($"{path}: " + Describe((int)res.StatusCode, problem, Encoding.UTF8.GetString(bytes))) { HttpStatus = (int)res.StatusCode };
            }

            return bytes;
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach {server}: {e.Message}");
        }
    }

    private static string Describe(int status, JsonNode? problem, string text)
    {
        if (problem is JsonObject p)
        {
            var reasons = p["reasons"] is JsonArray rs ? " [" + string.Join(", ", rs.Select(r => $"{r?["code"]} ({r?["rule"]})")) + "]" : "";
            var field = p["field"] is { } f ? $" (field {f})" : "";
            var decision = p["decision"] is { } d ? $"{d}: " : "";
            return $"{decision}{p["code"]}: {p["detail"]}{field}{reasons}";
        }

        return $"HTTP {status}: {text.ReplaceLineEndings(" ")}";
    }

    public void Dispose() => _http.Dispose();
}
