using System.Net;
using System.Net.Sockets;
using Likeness.Application.Webhooks;

namespace Likeness.Server.Webhooks;

/// <summary>
/// Makes one delivery attempt: a POST of the event's exact body with the Standard Webhooks headers (<c>webhook-id</c>,
/// <c>webhook-timestamp</c>, <c>webhook-signature</c>). Bounded: <see cref="Timeout"/> for the whole attempt, no
/// redirects followed, the answer's headers capped and its body never read beyond a small drain. Unless the operator
/// allows private addresses, every connection is checked against the addresses the host resolves to at that moment,
/// so a name that later resolves to an internal address is refused too.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    /// <summary>How long one attempt may take, connection included.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const int MaxErrorLength = 300;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;

    public WebhookSender(bool allowPrivateAddresses, TimeProvider clock)
    {
        _clock = clock;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 256,
            MaxResponseHeadersLength = 64,
            MaxResponseDrainSize = 64 * 1024,
        };
        if (!allowPrivateAddresses)
        {
            handler.ConnectCallback = ConnectToPublicAddressAsync;
        }

        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Likeness-Webhooks/1");
    }

    /// <summary>Attempts <paramref name="job"/>; never throws for what the endpoint or the network does.</summary>
    public async Task<DeliveryResult> SendAsync(DeliveryJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        var at = _clock.GetUtcNow();
        if (job.Secrets.Count == 0)
        {
            return new DeliveryResult(job.Delivery.Id, at, null, "the endpoint's signing secret cannot be opened on this node (another webhook secrets key)");
        }

        var timestamp = at.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, job.Url) { Content = new ByteArrayContent(job.Payload) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("webhook-id", job.Delivery.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(job.Delivery.EventId, timestamp, job.Payload, job.Secrets));
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            var status = (int)response.StatusCode;
            return new DeliveryResult(job.Delivery.Id, at, status, status is >= 200 and < 300 ? null : $"the endpoint answered {status}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(job.Delivery.Id, at, null, $"no answer within {Timeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryResult(job.Delivery.Id, at, null, Describe(e));
        }
    }

    private static string Describe(HttpRequestException e)
    {
        var inner = e.InnerException as AddressNotAllowedException;
        var text = inner?.Message ?? (e.HttpRequestError == HttpRequestError.ConnectionError && e.InnerException is SocketException s
            ? $"could not connect: {s.SocketErrorCode}"
            : e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "the host name does not resolve",
                HttpRequestError.SecureConnectionError => "the TLS handshake failed",
                HttpRequestError.ResponseEnded => "the endpoint closed the connection before answering",
                HttpRequestError.ConfigurationLimitExceeded => "the endpoint's answer exceeded the size limits",
                _ => "the request failed: " + e.HttpRequestError,
            });
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(WebhookUrlRule.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new AddressNotAllowedException($"{context.DnsEndPoint.Host} resolves to no public address (private addresses are not allowed)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A connection refused because the host resolves only to private addresses.</summary>
    private sealed class AddressNotAllowedException(string message) : IOException(message);
}
