using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Support;

/// <summary>Somewhere the API answers: a server in this process, or nodes in other processes.</summary>
public interface ILikenessEndpoint
{
    string OperatorKey { get; }

    HttpClient Client(string? key);
}

/// <summary>JSON over HTTP in one line per call.</summary>
public static class Http
{
    public static async Task<(int Status, JsonNode? Body)> SendAsync(this HttpClient c, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        using var req = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            req.Content = body is string s ? new StringContent(s, Encoding.UTF8, "application/json") : JsonContent.Create(body);
        }

        if (idempotencyKey is not null)
        {
            req.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var res = await c.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return ((int)res.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Task<(int Status, JsonNode? Body)> PostAsync(this HttpClient c, string path, object? body = null, string? key = null) => c.SendAsync(HttpMethod.Post, path, body ?? "{}", key);

    public static Task<(int Status, JsonNode? Body)> GetJsonAsync(this HttpClient c, string path) => c.SendAsync(HttpMethod.Get, path);
}
