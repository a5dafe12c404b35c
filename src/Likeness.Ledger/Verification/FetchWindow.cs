using System.Runtime.CompilerServices;

namespace Likeness.Ledger.Verification;

/// <summary>
/// Fetches items 0 to count − 1 with up to a number of fetches in flight, and yields them in order: the verifier reads
/// a log front to back while the transport works ahead of it.
/// </summary>
internal static class FetchWindow
{
    /// <summary>
    /// The first item is fetched alone: a reader refused it (entry bundles for a non-auditor) learns so with one request,
    /// not a window of them. When the reader stops early (a finding) or a fetch throws, the fetches still in flight are
    /// cancelled and awaited, so none outlives the verification.
    /// </summary>
    public static async IAsyncEnumerable<T> InOrderAsync<T>(
        long count, int concurrency, Func<long, CancellationToken, Task<T>> fetch, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var window = new Queue<Task<T>>();
        long next = 0;
        try
        {
            while (next < count || window.Count > 0)
            {
                while (next < count && window.Count < (next == 0 ? 1 : Math.Max(1, concurrency)))
                {
                    window.Enqueue(fetch(next++, stop.Token));
                }

                yield return await window.Dequeue();
            }
        }
        finally
        {
            await stop.CancelAsync();
            var rest = Task.WhenAll(window);

            // WhenAny never throws: what the abandoned fetches failed with is not the verification's answer.
            await Task.WhenAny(rest);
            _ = rest.Exception;
        }
    }
}
