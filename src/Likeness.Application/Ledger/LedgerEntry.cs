using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Likeness.Application.Ledger;

/// <summary>
/// Builds the canonical bytes of one ledger entry: a JSON object with members sorted by ordinal name, no
/// insignificant whitespace, strings and integers only. It holds the kind, the time, ids and hashes of
/// payloads, never personal data. The encoding is specified in docs/LEDGER.md and must never change.
/// </summary>
public sealed class LedgerEntry
{
    // A handful of members, kept in insertion order and sorted once when written (a later member of the same name replaces the earlier).
    private readonly List<Member> _members = new(16);

    public LedgerEntry(string kind, DateTimeOffset at)
    {
        With("v", 1L);
        With("kind", kind);
        With("at", Time(at));
    }

    /// <summary>An instant, as every entry writes one: RFC 3339 UTC with milliseconds.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public LedgerEntry With(string name, DateTimeOffset value) => With(name, Time(value));

    /// <summary>A time when there is one; nothing otherwise.</summary>
    public LedgerEntry With(string name, DateTimeOffset? value) => value is { } v ? With(name, v) : this;

    public LedgerEntry With(string name, string? value) => value is null ? this : Set(new Member(name, value, 0));

    public LedgerEntry With(string name, long value) => Set(new Member(name, null, value));

    /// <summary>Adds the hex SHA-256 of a payload kept off the ledger (a policy, terms, a prompt).</summary>
    public LedgerEntry WithHash(string name, string payload)
    {
        var length = Encoding.UTF8.GetByteCount(payload);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, Encoding.UTF8.GetBytes(payload, rented)), hash);
            return With(name, Convert.ToHexStringLower(hash));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public byte[] ToBytes()
    {
        _members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var w = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.Reset(buffer);
        w.WriteStartObject();
        foreach (var m in _members)
        {
            if (m.Text is null)
            {
                w.WriteNumber(m.Name, m.Number);
            }
            else
            {
                w.WriteString(m.Name, m.Text);
            }
        }

        w.WriteEndObject();
        w.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private LedgerEntry Set(Member member)
    {
        for (var i = 0; i < _members.Count; i++)
        {
            if (_members[i].Name == member.Name)
            {
                _members[i] = member;
                return this;
            }
        }

        _members.Add(member);
        return this;
    }

    /// <summary>One member: a string, or (when <see cref="Text"/> is null) an integer.</summary>
    private readonly record struct Member(string Name, string? Text, long Number);
}
