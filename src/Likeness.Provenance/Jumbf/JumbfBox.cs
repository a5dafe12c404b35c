using System.Buffers.Binary;
using System.Text;

namespace Likeness.Provenance.Jumbf;

/// <summary>
/// One parsed JUMBF box over the bytes it came from: its type, where its payload lies, and for a superbox its content
/// type, label and children. Offsets are into <see cref="Source"/>, so hashing a box hashes the original bytes.
/// </summary>
public sealed class JumbfBox
{
    private JumbfBox(ReadOnlyMemory<byte> source, string type, int start, int headerLength, int length)
    {
        Source = source;
        Type = type;
        Start = start;
        HeaderLength = headerLength;
        Length = length;
    }

    /// <summary>The bytes the box was read from.</summary>
    public ReadOnlyMemory<byte> Source { get; }

    /// <summary>The four-letter box type (<c>jumb</c>, <c>cbor</c>, <c>json</c>, …).</summary>
    public string Type { get; }

    /// <summary>Where the box starts in <see cref="Source"/>.</summary>
    public int Start { get; }

    /// <summary>The header's length (8, or 16 with an extended length).</summary>
    public int HeaderLength { get; }

    /// <summary>The whole box's length, header included.</summary>
    public int Length { get; }

    /// <summary>A superbox's content type (empty otherwise).</summary>
    public Guid ContentType { get; private set; }

    /// <summary>A superbox's label (empty otherwise).</summary>
    public string Label { get; private set; } = "";

    /// <summary>A superbox's content boxes after its description box.</summary>
    public IReadOnlyList<JumbfBox> Children { get; private set; } = [];

    /// <summary>The box without its header: what C2PA hashes for a hashed URI of a superbox.</summary>
    public ReadOnlyMemory<byte> Payload => Source.Slice(Start + HeaderLength, Length - HeaderLength);

    /// <summary>The first child of <paramref name="label"/>, or null.</summary>
    public JumbfBox? Child(string label) => Children.FirstOrDefault(c => c.Label == label);

    /// <summary>Reads one box at the start of <paramref name="source"/>, or null when it is not a well-formed box.</summary>
    public static JumbfBox? Read(ReadOnlyMemory<byte> source) => Read(source, 0, source.Length, depth: 0);

    private static JumbfBox? Read(ReadOnlyMemory<byte> source, int start, int end, int depth)
    {
        var span = source.Span;
        if (end - start < 8 || depth > 16) return null;
        long length = BinaryPrimitives.ReadUInt32BigEndian(span[start..]);
        var header = 8;
        if (length == 1)
        {
            if (end - start < 16) return null;
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(span[(start + 8)..]);
            header = 16;
        }
        else if (length == 0)
        {
            length = end - start;
        }
        if (length < header || length > end - start) return null;
        var type = Encoding.ASCII.GetString(span.Slice(start + 4, 4));
        var box = new JumbfBox(source, type, start, header, (int)length);
        if (type != "jumb") return box;

        var at = start + header;
        var boxEnd = start + (int)length;
        var description = Read(source, at, boxEnd, depth + 1);
        if (description is null || description.Type != "jumd" || description.Length < 8 + 17) return null;
        var d = span.Slice(description.Start + description.HeaderLength, description.Length - description.HeaderLength);
        box.ContentType = new Guid(d[..16], bigEndian: true);
        if ((d[16] & 0x02) != 0)
        {
            var label = d[17..];
            var nul = label.IndexOf((byte)0);
            if (nul < 0) return null;
            box.Label = Encoding.UTF8.GetString(label[..nul]);
        }
        at += description.Length;
        var children = new List<JumbfBox>();
        while (at < boxEnd)
        {
            var child = Read(source, at, boxEnd, depth + 1);
            if (child is null) return null;
            children.Add(child);
            at += child.Length;
        }
        box.Children = children;
        return box;
    }
}
