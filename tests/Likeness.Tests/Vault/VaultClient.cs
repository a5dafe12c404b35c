using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Vault;

/// <summary>The vault's upload protocol as a client speaks it: one PUT per part, with its range and digests.</summary>
internal static class VaultClient
{
    public static string Path(string performerId, string assetId) => $"/v1/performers/{performerId}/assets/{assetId}/content";

    public static string Digest(ReadOnlySpan<byte> bytes) => $"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:";

    /// <summary>Sends one part: <paramref name="bytes"/> at <paramref name="start"/> of content of <paramref name="total"/> bytes (null: '*').</summary>
    public static async Task<(int Status, JsonNode? Body)> PutPartAsync(
        HttpClient client, string path, byte[] bytes, long start, long? total, string? digest = null, string? reprDigest = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.TryAddWithoutValidation("Content-Range",
            bytes.Length == 0 ? $"bytes */{total}" : $"bytes {start}-{start + bytes.Length - 1}/{(total is { } t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "*")}");
        request.Content.Headers.TryAddWithoutValidation("Content-Digest", digest ?? Digest(bytes));
        if (reprDigest is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Repr-Digest", reprDigest);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Uploads <paramref name="content"/> in parts of <paramref name="partBytes"/>; the last answer.</summary>
    public static async Task<(int Status, JsonNode? Body)> UploadAsync(HttpClient client, string path, byte[] content, int partBytes)
    {
        (int, JsonNode?) last = default;
        for (var start = 0; start < content.Length || (start == 0 && content.Length == 0); start += partBytes)
        {
            var n = Math.Min(partBytes, content.Length - start);
            var isLast = start + n == content.Length;
            last = await PutPartAsync(client, path, content[start..(start + n)], start, isLast ? content.Length : null);
            if (last.Item1 is not (200 or 201))
            {
                return last;
            }

            if (content.Length == 0)
            {
                break;
            }
        }

        return last;
    }

    public static async Task<(int Status, byte[] Bytes, HttpResponseMessage Response)> DownloadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(), response);
    }

    /// <summary>Content of <paramref name="size"/> bytes from a fixed seed.</summary>
    public static byte[] Content(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
