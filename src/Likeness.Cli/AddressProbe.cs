using System.Net;
using System.Net.Sockets;

namespace Likeness.Cli;

/// <summary>
/// Checks, before <c>serve</c> opens or seeds the store, that every address of <c>--urls</c> can be listened on: a busy
/// port or a bad address is then one line and nothing was written. Kestrel binds the same addresses a moment later.
/// </summary>
public static class AddressProbe
{
    /// <summary>Throws a <see cref="CliException"/> naming the first address that cannot be listened on.</summary>
    public static void EnsureFree(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (host, port) = Parse(url);
            if (port == 0)
            {
                continue;
            }

            if (host == "localhost")
            {
                // Kestrel listens on both loopbacks, and goes on without IPv6 when this machine has none.
                Probe(url, IPAddress.Loopback, port, onlyInUse: false);
                Probe(url, IPAddress.IPv6Loopback, port, onlyInUse: true);
            }
            else
            {
                // Any other host name: Kestrel listens on every interface.
                Probe(url, IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip : IPAddress.Any, port, onlyInUse: false);
            }
        }
    }

    private static void Probe(string url, IPAddress address, int port, bool onlyInUse)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (!onlyInUse || e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new CliException($"cannot listen on {url}: {e.Message}");
        }
        catch (SocketException)
        {
            // No IPv6 loopback here: Kestrel does without it too.
        }
        finally
        {
            listener.Stop();
        }
    }

    private static (string Host, int Port) Parse(string url)
    {
        // Kestrel's wildcards (http://*:8080, http://+:8080) are not valid URI hosts.
        var uri = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        return Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? (u.Host, u.Port)
            : throw new CliException($"--urls: \"{url}\" is not an http:// or https:// address");
    }
}
