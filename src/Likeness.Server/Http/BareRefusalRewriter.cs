using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace Likeness.Server.Http;

/// <summary>
/// Gives Kestrel's own refusals a problem-details body. A request that is not valid HTTP (an encoded NUL or raw bytes
/// outside ASCII in its target, a target or headers past Kestrel's limits) is refused by Kestrel before the application
/// runs, with an empty 4xx and the connection closed. This connection middleware watches what is written to the socket:
/// a response that begins <c>HTTP/1.1 4</c> with <c>Content-Length: 0</c> and no <c>Content-Type</c> can only be one of
/// those (every answer of the application carries a body), and is replaced by the same status with a problem body.
/// Everything else passes through untouched and uncopied; on plain HTTP/1.1 only (under TLS it sees ciphertext).
/// </summary>
public static class BareRefusalRewriter
{
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => connection =>
    {
        connection.Transport = new Duplex(connection.Transport);
        return next(connection);
    };

    private sealed class Duplex(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;

        public PipeWriter Output { get; } = new Writer(inner.Output);
    }

    private sealed class Writer(PipeWriter inner) : PipeWriter
    {
        private static readonly byte[] Start = "HTTP/1.1 4"u8.ToArray();
        private Memory<byte> _last;

        public override Memory<byte> GetMemory(int sizeHint = 0) => _last = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_last = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            var written = _last.Span[..Math.Min(bytes, _last.Length)];
            if (written.Length >= 12 && written.StartsWith(Start) && Bare(written) is { } status)
            {
                var replacement = Problem(status);
                inner.Write(replacement);
                return;
            }

            inner.Advance(bytes);
        }

        /// <summary>The status of a bare Kestrel refusal, or null for anything else.</summary>
        private static int? Bare(ReadOnlySpan<byte> written)
        {
            var end = written.IndexOf("\r\n\r\n"u8);
            if (end < 0)
            {
                return null;
            }

            var head = written[..end];
            return head.IndexOf("\r\nContent-Length: 0"u8) >= 0 && head.IndexOf("\r\nContent-Type:"u8) < 0 && end + 4 == written.Length
                ? ((written[9] - '0') * 100) + ((written[10] - '0') * 10) + (written[11] - '0')
                : null;
        }

        private static byte[] Problem(int status)
        {
            var (code, detail) = status switch
            {
                414 => ("uri_too_long", "The request target is longer than the server accepts."),
                431 => ("headers_too_large", "The request's headers are larger than the server accepts."),
                413 => ("body_too_large", "The body is larger than the server accepts."),
                _ => ("bad_request", "The request is not valid HTTP: its target holds an encoded NUL or bytes outside ASCII, or its framing is broken."),
            };
            var body = $"{{\"type\":\"{ProblemWriter.TypeBase}{code.Replace('_', '-')}\",\"title\":\"{ProblemWriter.Title(status)}\",\"status\":{status},\"detail\":\"{detail}\",\"code\":\"{code}\"}}";
            var head = $"HTTP/1.1 {status} {ProblemWriter.Title(status)}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n";
            return Encoding.UTF8.GetBytes(head + body);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
