using System.Net;
using System.Net.Sockets;

namespace Likeness.Application.Webhooks;

/// <summary>
/// Where a webhook may point: an absolute http(s) URL without credentials, and (unless the operator allows private
/// addresses) not a loopback, private, link-local or otherwise internal address: a party must not make the server
/// probe the network it sits in. A host name is checked here when it is a literal address or <c>localhost</c>, and
/// again at every connection against the addresses it resolves to (so DNS cannot be turned against the rule later).
/// </summary>
public static class WebhookUrlRule
{
    public const int MaxLength = 2048;

    /// <summary>Null when <paramref name="url"/> is acceptable, else why not (one sentence).</summary>
    public static string? Check(string url, bool allowPrivate)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength)
        {
            return $"url is an absolute http or https URL of at most {MaxLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "url is an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "url carries no user name or password.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "url has no fragment.";
        }

        if (allowPrivate)
        {
            return null;
        }

        if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "url points at this machine (loopback); the operator has not allowed private addresses.";
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && !IsPublic(address)
            ? "url points at a private or internal address; the operator has not allowed private addresses."
            : null;
    }

    /// <summary>Whether an address is on the public internet (not loopback, private, link-local, shared, multicast or unspecified).</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)) || b[0] >= 224);
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || (v6[0] & 0xFE) == 0xFC);
    }
}
