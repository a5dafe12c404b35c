using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Likeness.Application;
using Likeness.Domain.Common;
using Likeness.Server;
using Likeness.Server.Security;

namespace Likeness.Cli;

/// <summary>The server settings <c>likeness serve</c> takes from its options.</summary>
public static class ServeSettings
{
    public static ServerSettings From(Args a, string db, string urls) => new(db, urls)
    {
        Certificate = Certificate(a),
        ForwardedHeaders = a.Has("forwarded-headers"),
        RateLimits = new RateLimits
        {
            PerKey = Count(a, "rate-limit-key") ?? new RateLimits().PerKey,
            PerAddress = Count(a, "rate-limit-address") ?? new RateLimits().PerAddress,
            AuthFailuresPerMinute = Count(a, "rate-limit-auth-failures") ?? new RateLimits().AuthFailuresPerMinute,
        },
        Options = new LikenessOptions
        {
            IdempotencyRetention = a.Get("idempotency-retention") is { } d
                ? IsoDuration.TryParseMillis(d, out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : throw new CliException("--idempotency-retention is an ISO 8601 duration such as P7D or PT24H")
                : new LikenessOptions().IdempotencyRetention,
        },
    };

    private static int? Count(Args a, string name) =>
        a.Get(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new CliException($"--{name} is a whole number (0 turns the limit off)");

    /// <summary><c>--cert file.pem --cert-key key.pem</c>, or <c>--cert file.pfx [--cert-password …]</c>.</summary>
    private static X509Certificate2? Certificate(Args a)
    {
        if (a.Get("cert") is not { } cert)
        {
            return a.Has("cert-key") ? throw new CliException("--cert-key needs --cert") : null;
        }

        try
        {
            return a.Get("cert-key") is { } key
                ? X509Certificate2.CreateFromPemFile(cert, key)
                : X509CertificateLoader.LoadPkcs12FromFile(cert, a.Get("cert-password"));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot load the certificate {cert}: {e.Message}");
        }
    }
}
