using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Likeness.Application;
using Likeness.Cli.Verbs;
using Likeness.Domain.Common;
using Likeness.Server;
using Likeness.Server.Classifier;
using Likeness.Server.Operations;
using Likeness.Server.Security;
using Microsoft.Extensions.Logging;

namespace Likeness.Cli;

/// <summary>The options of <c>likeness serve</c>, and the server settings it takes from them.</summary>
public sealed class ServeSettings
{
    public Option<string> Urls { get; } = new("--urls") { Description = "Where to listen", HelpName = "URL", DefaultValueFactory = _ => "http://127.0.0.1:8080" };

    public Option<bool> Demo { get; } = Opt.Flag("--demo", "Seed a realistic example on a fresh store and print keys and commands to try");

    public Option<string> Cert { get; } = Opt.Text("--cert", "HTTPS: a PEM certificate (with --cert-key) or a PFX file", "CERT.pem|CERT.pfx");

    public Option<string> CertKey { get; } = Opt.Text("--cert-key", "HTTPS: the PEM certificate's private key", "KEY.pem");

    public Option<string> CertPassword { get; } = Opt.Text("--cert-password", "HTTPS: the PFX file's password", "P");

    public Option<bool> ForwardedHeaders { get; } = Opt.Flag("--forwarded-headers", "Behind a reverse proxy on this host: the client's address from X-Forwarded-For");

    public Option<int?> RateLimitKey { get; } = Opt.Whole("--rate-limit-key", "Requests a second per API key (0 turns the limit off)");

    public Option<int?> RateLimitAddress { get; } = Opt.Whole("--rate-limit-address", "Requests a second per client address (0 turns the limit off)");

    public Option<int?> RateLimitAuthFailures { get; } = Opt.Whole("--rate-limit-auth-failures", "Failed authentications a minute per address (0 turns the limit off)");

    public Option<string> IdempotencyRetention { get; } = Opt.Text("--idempotency-retention", "How long an Idempotency-Key's first answer is kept (ISO 8601; default P7D)", "DURATION");

    public Option<string> PendingApprovalTtl { get; } =
        Opt.Text("--pending-approval-ttl", "How long a render waits for the performer's approval before it lapses (ISO 8601; default P7D)", "DURATION");

    public Option<bool> WebhookPrivateAddresses { get; } =
        Opt.Flag("--webhook-private-addresses", "Let webhook endpoints point at loopback and private addresses (a receiver on your own network)");

    public Option<string> ClassifierUrl { get; } =
        Opt.Text("--classifier-url", "An external prompt classifier to ask beside the lexicons (docs/DOMAIN.md); without an answer the render goes to approval", "URL");

    public Option<string> ClassifierTimeout { get; } =
        Opt.Text("--classifier-timeout", "How long to wait for the external classifier (ISO 8601; default PT2S)", "DURATION");

    public Option<LogLevel?> LogLevel { get; } = Opt.Choice(
        "--log-level",
        "trace, debug, information (a line per request), warning (default), error, critical, none",
        "LEVEL",
        ("trace", Microsoft.Extensions.Logging.LogLevel.Trace),
        ("debug", Microsoft.Extensions.Logging.LogLevel.Debug),
        ("information", Microsoft.Extensions.Logging.LogLevel.Information),
        ("warning", Microsoft.Extensions.Logging.LogLevel.Warning),
        ("error", Microsoft.Extensions.Logging.LogLevel.Error),
        ("critical", Microsoft.Extensions.Logging.LogLevel.Critical),
        ("none", Microsoft.Extensions.Logging.LogLevel.None));

    public Option<LogFormat?> LogFormat { get; } = Opt.Choice(
        "--log-format", "The log as text (default) or json lines", "FORMAT", ("text", Server.Operations.LogFormat.Text), ("json", Server.Operations.LogFormat.Json));

    public Option<MetricsAccess?> Metrics { get; } = Opt.Choice(
        "--metrics",
        "Who reads /metrics: operator (its key; default), public (anyone) or off (no metrics)",
        "ACCESS",
        ("operator", MetricsAccess.Operator),
        ("public", MetricsAccess.Public),
        ("off", MetricsAccess.Off));

    /// <summary>The options, for the <c>serve</c> command.</summary>
    public IEnumerable<Option> All =>
        [Urls, Demo, Cert, CertKey, CertPassword, ForwardedHeaders, RateLimitKey, RateLimitAddress, RateLimitAuthFailures, IdempotencyRetention, PendingApprovalTtl, ClassifierUrl, ClassifierTimeout, LogLevel, LogFormat, Metrics, WebhookPrivateAddresses];

    public ServerSettings From(ParseResult p, string db)
    {
        var defaults = new ServerSettings(db, p.GetValue(Urls)!);
        return defaults with
        {
            Certificate = Certificate(p),
            MinimumLogLevel = p.GetValue(LogLevel) ?? defaults.MinimumLogLevel,
            LogFormat = p.GetValue(LogFormat) ?? defaults.LogFormat,
            Metrics = p.GetValue(Metrics) ?? defaults.Metrics,
            ForwardedHeaders = p.GetValue(ForwardedHeaders),
            RateLimits = new RateLimits
            {
                PerKey = p.GetValue(RateLimitKey) ?? new RateLimits().PerKey,
                PerAddress = p.GetValue(RateLimitAddress) ?? new RateLimits().PerAddress,
                AuthFailuresPerMinute = p.GetValue(RateLimitAuthFailures) ?? new RateLimits().AuthFailuresPerMinute,
            },
            Options = new LikenessOptions
            {
                IdempotencyRetention = p.GetValue(IdempotencyRetention) is { } d
                ? IsoDuration.TryParseMillis(d, out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms) : throw new CliException($"--idempotency-retention: \"{d}\" is not an ISO 8601 duration such as P7D or PT24H")
                : new LikenessOptions().IdempotencyRetention,
                PendingApprovalTtl = Duration(p.GetValue(PendingApprovalTtl), "--pending-approval-ttl", new LikenessOptions().PendingApprovalTtl),
                WebhookPrivateAddresses = p.GetValue(WebhookPrivateAddresses),
                ExternalClassifier = Classifier(p),
            },
        };
    }

    private HttpExternalClassifier? Classifier(ParseResult p)
    {
        var timeout = Duration(p.GetValue(ClassifierTimeout), "--classifier-timeout", HttpExternalClassifier.DefaultTimeout);
        if (p.GetValue(ClassifierUrl) is not { } url)
        {
            return p.GetValue(ClassifierTimeout) is not null ? throw new CliException("--classifier-timeout needs --classifier-url") : null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new HttpExternalClassifier(uri, timeout)
            : throw new CliException($"--classifier-url: \"{url}\" is not an http or https URL");
    }

    private static TimeSpan Duration(string? text, string option, TimeSpan fallback) =>
        text is null ? fallback
            : IsoDuration.TryParseMillis(text, out var ms) && ms > 0 ? TimeSpan.FromMilliseconds(ms)
            : throw new CliException($"{option}: \"{text}\" is not an ISO 8601 duration such as P7D or PT24H");

    /// <summary><c>--cert file.pem --cert-key key.pem</c>, or <c>--cert file.pfx [--cert-password …]</c>.</summary>
    private X509Certificate2? Certificate(ParseResult p)
    {
        if (p.GetValue(Cert) is not { } cert)
        {
            return p.GetValue(CertKey) is not null ? throw new CliException("--cert-key needs --cert") : null;
        }

        try
        {
            return p.GetValue(CertKey) is { } key
                ? X509Certificate2.CreateFromPemFile(cert, key)
                : X509CertificateLoader.LoadPkcs12FromFile(cert, p.GetValue(CertPassword));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot load the certificate {cert}: {e.Message}");
        }
    }
}
