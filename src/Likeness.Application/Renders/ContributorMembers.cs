using System.Text;
using System.Text.Json;

namespace Likeness.Application.Renders;

/// <summary>
/// The <c>contributors</c> member of a ledger entry of a render with several performers (docs/LEDGER.md): a JSON array, as
/// a string (entries hold strings and integers only), of one object per contributor with members sorted by ordinal name,
/// strings and integers only, no whitespace.
/// </summary>
internal sealed class ContributorMembers
{
    private readonly List<List<(string Name, string? Text, long Number)>> _parts = [];

    /// <summary>Starts the next contributor's object.</summary>
    public ContributorMembers Next()
    {
        _parts.Add([]);
        return this;
    }

    public ContributorMembers With(string name, string value)
    {
        _parts[^1].Add((name, value, 0));
        return this;
    }

    public ContributorMembers With(string name, long value)
    {
        _parts[^1].Add((name, null, value));
        return this;
    }

    public override string ToString()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var part in _parts)
            {
                w.WriteStartObject();
                foreach (var (name, text, number) in part.OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    if (text is null)
                    {
                        w.WriteNumber(name, number);
                    }
                    else
                    {
                        w.WriteString(name, text);
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
