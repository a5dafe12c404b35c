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
    private readonly SortedDictionary<string, object> _members = new(StringComparer.Ordinal);

    public LedgerEntry(string kind, DateTimeOffset at)
    {
        _members["v"] = 1L;
        _members["kind"] = kind;
        _members["at"] = Time(at);
    }

    /// <summary>An instant, as every entry writes one: RFC 3339 UTC with milliseconds.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public LedgerEntry With(string name, DateTimeOffset value) => With(name, Time(value));

    public LedgerEntry With(string name, string? value)
    {
        if (value is not null)
        {
            _members[name] = value;
        }

        return this;
    }

    public LedgerEntry With(string name, long value)
    {
        _members[name] = value;
        return this;
    }

    /// <summary>Adds the hex SHA-256 of a payload kept off the ledger (a policy, terms, a prompt).</summary>
    public LedgerEntry WithHash(string name, string payload) =>
        With(name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload))));

    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (name, value) in _members)
            {
                if (value is long l)
                {
                    w.WriteNumber(name, l);
                }
                else
                {
                    w.WriteString(name, (string)value);
                }
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
