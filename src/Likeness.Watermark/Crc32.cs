namespace Likeness.Watermark;

/// <summary>CRC-32 (IEEE 802.3, reflected 0xEDB88320) over the token's 64 bits: the check that turns a wrong decode into
/// "undecodable". Written here because System.IO.Hashing would put an IO namespace into a pure assembly.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    public static uint Of(ulong value)
    {
        var crc = 0xFFFFFFFFu;
        for (var i = 0; i < 8; i++)
        {
            crc = Table[(crc ^ (byte)(value >> (8 * i))) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] Build()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
