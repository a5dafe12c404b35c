using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Ledger.Acts;

namespace Likeness.Tests.Support;

/// <summary>A party's act-signing key in a test: its JWK to register, and requests sent signed with it (or signed wrongly on purpose).</summary>
public sealed class TestActKey : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestActKey() => Public = PartyKey.FromSpki(_key.ExportSubjectPublicKeyInfo());

    public PartyKey Public { get; }

    public string Kid => Public.Kid;

    /// <summary>The body of <c>POST /v1/parties/{id}/keys</c> for this key.</summary>
    public object Registration => new { jwk = new { kty = "EC", crv = "P-256", x = Public.X, y = Public.Y } };

    /// <summary>A <c>Likeness-Signature</c> over an act, at <paramref name="at"/>, naming <paramref name="kid"/> (this key's by default).</summary>
    public string Sign(string method, string path, string body, string idempotencyKey, DateTimeOffset at, string? kid = null) =>
        ActSignature.Sign(_key, kid ?? Kid, ActSignature.SignedForm(method, path, ActSignature.BodySha256(Encoding.UTF8.GetBytes(body)), idempotencyKey), at);

    /// <summary>A detached JWS over any signed form (an attestation, say), at <paramref name="at"/>.</summary>
    public string SignForm(string signedForm, DateTimeOffset at) => ActSignature.Sign(_key, Kid, signedForm, at);

    /// <summary>Sends an act with <paramref name="signature"/> (none when null) and <paramref name="idempotencyKey"/> (none when null).</summary>
    public static async Task<(int Status, JsonNode? Body)> SendAsync(
        HttpClient client, HttpMethod method, string path, object body, string? signature, string? idempotencyKey)
    {
        using var req = new HttpRequestMessage(method, path) { Content = new StringContent(Json(body), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            req.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (signature is not null)
        {
            req.Headers.Add(ActSignature.Header, signature);
        }

        using var res = await client.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return ((int)res.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Sends an act signed with this key, now by <paramref name="clock"/>, under a fresh Idempotency-Key.</summary>
    public Task<(int Status, JsonNode? Body)> ActAsync(HttpClient client, TimeProvider clock, HttpMethod method, string path, object body)
    {
        var idem = "act-" + Guid.NewGuid().ToString("N");
        return SendAsync(client, method, path, body, Sign(method.Method, path, Json(body), idem, clock.GetUtcNow()), idem);
    }

    /// <summary>The body as it is sent (and so as it is hashed).</summary>
    public static string Json(object body) => body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);

    public void Dispose() => _key.Dispose();
}
