namespace Likeness.Provenance.Jumbf;

/// <summary>
/// The JUMBF (ISO/IEC 19566-5) content types C2PA uses: the UUID in a description box that says what a superbox holds.
/// Each is four ASCII letters followed by the fixed ISO suffix 0011-0010-8000-00AA00389B71.
/// </summary>
public static class BoxTypes
{
    /// <summary>The manifest store (<c>c2pa</c>).</summary>
    public static readonly Guid ManifestStore = Make("c2pa");

    /// <summary>A standard manifest (<c>c2ma</c>).</summary>
    public static readonly Guid Manifest = Make("c2ma");

    /// <summary>The assertion store (<c>c2as</c>).</summary>
    public static readonly Guid AssertionStore = Make("c2as");

    /// <summary>The claim (<c>c2cl</c>).</summary>
    public static readonly Guid Claim = Make("c2cl");

    /// <summary>The claim signature (<c>c2cs</c>).</summary>
    public static readonly Guid Signature = Make("c2cs");

    /// <summary>An assertion whose content is one CBOR box.</summary>
    public static readonly Guid Cbor = Make("cbor");

    /// <summary>An assertion whose content is one JSON box.</summary>
    public static readonly Guid Json = Make("json");

    private static Guid Make(string fourcc)
    {
        // Big-endian on the wire: the four letters, then 0011 0010 8000 00AA00389B71.
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 4; i++) bytes[i] = (byte)fourcc[i];
        ReadOnlySpan<byte> suffix = [0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
        suffix.CopyTo(bytes[4..]);
        return new Guid(bytes, bigEndian: true);
    }
}
