using System.Buffers.Binary;

namespace Likeness.Ledger;

/// <summary>C2SP tlog-tiles entry bundles: the entries of one tile as big-endian uint16-length-prefixed records.</summary>
public static class EntryBundle
{
    /// <summary>Reads the big-endian uint16-length-prefixed records of an entry bundle.</summary>
    public static List<byte[]> Read(ReadOnlySpan<byte> bundle)
    {
        var list = new List<byte[]>();
        while (!bundle.IsEmpty)
        {
            if (bundle.Length < 2)
            {
                throw new FormatException("A truncated entry bundle.");
            }

            var n = BinaryPrimitives.ReadUInt16BigEndian(bundle);
            if (bundle.Length < 2 + n)
            {
                throw new FormatException("A truncated entry bundle.");
            }

            list.Add(bundle.Slice(2, n).ToArray());
            bundle = bundle[(2 + n)..];
        }

        return list;
    }

    /// <summary>Writes entries as an entry bundle.</summary>
    public static byte[] Write(IEnumerable<byte[]> entries)
    {
        using var ms = new MemoryStream();
        Span<byte> len = stackalloc byte[2];
        foreach (var e in entries)
        {
            if (e.Length > ushort.MaxValue)
            {
                throw new ArgumentException("An entry is at most 65535 bytes.", nameof(entries));
            }

            BinaryPrimitives.WriteUInt16BigEndian(len, (ushort)e.Length);
            ms.Write(len);
            ms.Write(e);
        }

        return ms.ToArray();
    }
}
