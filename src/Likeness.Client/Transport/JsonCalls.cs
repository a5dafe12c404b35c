using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Likeness.Client.Transport;

/// <summary>Typed JSON calls over the transport: a mutation gets a fresh Idempotency-Key per call, kept across its retries.</summary>
internal sealed class JsonCalls(LikenessTransport transport)
{
    public LikenessTransport Transport { get; } = transport;

    public async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> answer, CancellationToken ct)
    {
        var res = (await Transport.SendAsync(HttpMethod.Get, path, ct: ct).ConfigureAwait(false)).EnsureSuccess();
        return Read(res, answer);
    }

    public async Task<(int Status, T Value)> SendAsync<TBody, T>(
        HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyInfo, JsonTypeInfo<T> answer, string? idempotencyKey, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyInfo);
        var res = (await Transport.SendAsync(method, path, bytes, idempotencyKey ?? NewKey(), ct: ct).ConfigureAwait(false)).EnsureSuccess();
        return (res.Status, Read(res, answer));
    }

    public async Task<T> PostAsync<TBody, T>(string path, TBody body, JsonTypeInfo<TBody> bodyInfo, JsonTypeInfo<T> answer, CancellationToken ct, string? idempotencyKey = null) =>
        (await SendAsync(HttpMethod.Post, path, body, bodyInfo, answer, idempotencyKey, ct).ConfigureAwait(false)).Value;

    public Task<T> PostEmptyAsync<T>(string path, JsonTypeInfo<T> answer, CancellationToken ct, string? idempotencyKey = null) =>
        PostAsync(path, new NoteBody(), ClientJson.Default.NoteBody, answer, ct, idempotencyKey);

    /// <summary>A key unique to one logical call: 128 random bits.</summary>
    public static string NewKey() => "sdk-" + Guid.NewGuid().ToString("N");

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToArray();
        return present.Length == 0 ? path : path + "?" + string.Join('&', present);
    }

    private static T Read<T>(LikenessResponse res, JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(res.Body, info) ?? throw new LikenessProblemException($"The server answered {res.Status} with an empty body.");
}
