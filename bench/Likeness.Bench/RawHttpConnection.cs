using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Likeness.Bench;

/// <summary>
/// One keep-alive HTTP/1.1 connection to loopback that sends prepared request bytes and reads one response at a time:
/// what a lean load generator (wrk and its kind) does, so that the client's own cost stays small next to the server's
/// on a machine they share. Understands bodies with a Content-Length or in chunks.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\ncontent-length:"u8.ToArray();

    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _length;

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> OpenAsync(IPEndPoint endpoint)
    {
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            throw new ArgumentException("The load generator is aimed only at loopback.", nameof(endpoint));
        }

        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint);
        return new RawHttpConnection(socket);
    }

    /// <summary>Builds a request with a JSON body (or none) and, if given, an Idempotency-Key.</summary>
    public static byte[] Request(string method, string path, string host, string? bearer, string? json, string? idempotencyKey = null)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = $"{method} {path} HTTP/1.1\r\nHost: {host}\r\n" + (bearer is null ? "" : $"Authorization: Bearer {bearer}\r\n") +
                   (idempotencyKey is null ? "" : $"Idempotency-Key: {idempotencyKey}\r\n") +
                   (json is null ? "" : "Content-Type: application/json\r\n") + $"Content-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    /// <summary>Sends one request and returns the status and the body of its response (valid until the next call).</summary>
    public async Task<(int Status, ReadOnlyMemory<byte> Body)> SendAsync(ReadOnlyMemory<byte> request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        _length = 0;
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(0, _length).IndexOf(HeaderEnd)) < 0)
        {
            await ReceiveAsync();
        }

        var head = _buffer.AsSpan(0, headerEnd);
        if (head.Length < 12 || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
        {
            throw new InvalidDataException("Not an HTTP/1.1 status line.");
        }

        var bodyStart = headerEnd + HeaderEnd.Length;
        if (BodyLength(head) is not { } bodyLength)
        {
            return (status, await ChunkedBodyAsync(bodyStart));
        }

        while (_length < bodyStart + bodyLength)
        {
            await ReceiveAsync();
        }

        return (status, _buffer.AsMemory(bodyStart, bodyLength));
    }

    /// <summary>A chunked body, its chunks joined.</summary>
    private async Task<ReadOnlyMemory<byte>> ChunkedBodyAsync(int at)
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(at, _length - at).IndexOf("\r\n"u8)) < 0)
            {
                await ReceiveAsync();
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(_buffer, at, lineEnd).Split(';')[0].Trim(), 16);
            at += lineEnd + 2;
            while (_length < at + size + 2)
            {
                await ReceiveAsync();
            }

            if (size == 0)
            {
                return body.ToArray();
            }

            body.AddRange(_buffer.AsSpan(at, size));
            at += size + 2;
        }
    }

    private static int? BodyLength(ReadOnlySpan<byte> head)
    {
        Span<byte> lower = stackalloc byte[head.Length];
        for (var i = 0; i < head.Length; i++)
        {
            lower[i] = head[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(head[i] + 32) : head[i];
        }

        var at = lower.IndexOf(ContentLength);
        if (at < 0)
        {
            return lower.IndexOf("\r\ntransfer-encoding: chunked"u8) >= 0 ? null : throw new InvalidDataException("The response has neither a Content-Length nor chunks.");
        }

        var value = head[(at + ContentLength.Length)..];
        var end = value.IndexOf((byte)'\r');
        return Utf8Parser.TryParse(value[..(end < 0 ? value.Length : end)].Trim((byte)' '), out int n, out _) ? n : throw new InvalidDataException("Bad Content-Length.");
    }

    private async Task ReceiveAsync()
    {
        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var n = await _socket.ReceiveAsync(_buffer.AsMemory(_length), SocketFlags.None);
        if (n == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _length += n;
    }

    public void Dispose() => _socket.Dispose();
}
