namespace Likeness.Tests.Sdk;

/// <summary>
/// Loses the first answer to a request matching <paramref name="lose"/>: the server has handled the request, but the
/// client sees a broken connection, as when a network drops between answer and reader. Records every attempt's
/// Idempotency-Key.
/// </summary>
internal sealed class LostAnswerHandler(Func<HttpRequestMessage, bool> lose) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _lost;

    public List<string?> Keys { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (lose(request))
        {
            lock (Keys)
            {
                Keys.Add(request.Headers.TryGetValues("Idempotency-Key", out var v) ? v.Single() : null);
            }

            if (Interlocked.Exchange(ref _lost, 1) == 0)
            {
                response.Dispose();
                throw new HttpRequestException("connection reset after the server answered (injected)");
            }
        }

        return response;
    }
}
