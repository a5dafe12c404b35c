using System.Buffers.Binary;
using System.Text;

namespace Likeness.Provenance.Jumbf;

/// <summary>
/// Writes JUMBF boxes: a box is a 4-byte big-endian length (header included), a 4-byte type, then its payload. A
/// superbox (<c>jumb</c>) holds a description box (<c>jumd</c>: content type UUID, toggles, a null-terminated label)
/// followed by its content boxes.
/// </summary>
public static class JumbfWriter
{
    // Toggles: the box is requestable (bit 0) and carries a label (bit 1); no id, no hash, no private box.
    private const byte RequestableWithLabel = 0x03;

    /// <summary>A plain box of <paramref name="type"/> around <paramref name="payload"/>.</summary>
    public static byte[] Box(string type, ReadOnlySpan<byte> payload)
    {
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type, box.AsSpan(4, 4));
        payload.CopyTo(box.AsSpan(8));
        return box;
    }

    /// <summary>A superbox labelled <paramref name="label"/> of content type <paramref name="contentType"/>.</summary>
    public static byte[] SuperBox(Guid contentType, string label, params ReadOnlySpan<byte[]> children)
    {
        var description = Description(contentType, label);
        var length = 8 + description.Length + SumOf(children);
        var box = new byte[length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)length);
        "jumb"u8.CopyTo(box.AsSpan(4));
        description.CopyTo(box, 8);
        var at = 8 + description.Length;
        foreach (var child in children)
        {
            child.CopyTo(box, at);
            at += child.Length;
        }
        return box;
    }

    /// <summary>The length <see cref="SuperBox"/> gives for the same label and children's lengths.</summary>
    public static int SuperBoxLength(string label, int childrenLength) =>
        8 + 8 + 16 + 1 + Encoding.UTF8.GetByteCount(label) + 1 + childrenLength;

    private static byte[] Description(Guid contentType, string label)
    {
        var labelBytes = Encoding.UTF8.GetByteCount(label);
        var box = new byte[8 + 16 + 1 + labelBytes + 1];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        "jumd"u8.CopyTo(box.AsSpan(4));
        contentType.TryWriteBytes(box.AsSpan(8, 16), bigEndian: true, out _);
        box[24] = RequestableWithLabel;
        Encoding.UTF8.GetBytes(label, box.AsSpan(25));
        return box;
    }

    private static int SumOf(ReadOnlySpan<byte[]> children)
    {
        var sum = 0;
        foreach (var child in children) sum += child.Length;
        return sum;
    }
}
