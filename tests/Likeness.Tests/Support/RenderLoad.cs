using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Likeness.Tests.Support;

/// <summary>
/// A render pipeline's behaviour under failure, bounded: each client authorizes and completes renders with
/// Idempotency-Keys, and when a node stops answering it retries the same request, with the same key, on the next
/// node. Records what was acknowledged.
/// </summary>
public sealed class RenderLoad(IReadOnlyList<ILikenessEndpoint> nodes, string studioKey, string licenseId)
{
    public ConcurrentDictionary<string, decimal> Authorized { get; } = new();

    public ConcurrentDictionary<string, decimal> Completed { get; } = new();

    public int Denied;

    /// <summary>Nodes known dead; clients skip them.</summary>
    public ConcurrentDictionary<int, bool> Dead { get; } = new();

    public Task RunAsync(int clients, int rendersPerClient, Func<int, Task>? afterEach = null) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var node = c % nodes.Count;
            for (var i = 0; i < rendersPerClient; i++)
            {
                var seconds = 1 + ((c + i) % 3);
                var (status, render) = await SendAsync(() => node, n => node = n, "/v1/renders", World.RenderBody(licenseId, seconds), $"auth-{c}-{i}");
                if (status == 403)
                {
                    Interlocked.Increment(ref Denied);
                    continue;
                }

                if (status != 201)
                {
                    throw new InvalidOperationException($"authorize answered {status}: {render?.ToJsonString()}");
                }

                var id = render!["renderId"]!.GetValue<string>();
                Authorized[id] = seconds;
                var (cs, done) = await SendAsync(() => node, n => node = n, $"/v1/renders/{id}/complete", new { actualSeconds = seconds, outputSha256 = new string('f', 64) }, $"complete-{c}-{i}");
                if (cs != 200)
                {
                    throw new InvalidOperationException($"complete answered {cs}: {done?.ToJsonString()}");
                }

                Completed[id] = seconds;
                if (afterEach is not null)
                {
                    await afterEach(Completed.Count);
                }
            }
        }));

    private async Task<(int Status, JsonNode? Body)> SendAsync(Func<int> node, Action<int> moveTo, string path, object body, string key)
    {
        for (var attempt = 0; attempt < nodes.Count * 4; attempt++)
        {
            var n = node();
            if (!Dead.ContainsKey(n))
            {
                try
                {
                    using var client = nodes[n].Client(studioKey);
                    return await client.PostAsync(path, body, key);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Dead[n] = true;
                }
            }

            moveTo((n + 1) % nodes.Count);
        }

        throw new InvalidOperationException("no node answered");
    }
}
