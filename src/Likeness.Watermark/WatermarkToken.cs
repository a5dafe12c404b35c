using System.Globalization;

namespace Likeness.Watermark;

/// <summary>The 64-bit token a render's audio carries; the server maps it to the render. Written as 16 lower-case hex digits.</summary>
public readonly record struct WatermarkToken(ulong Value)
{
    public string ToHex() => Value.ToString("x16", CultureInfo.InvariantCulture);

    public override string ToString() => ToHex();

    /// <summary>Reads exactly 16 hex digits (either case); anything else is not a token.</summary>
    public static bool TryParse(string? text, out WatermarkToken token)
    {
        token = default;
        if (text is null || text.Length != 16 || !ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v))
        {
            return false;
        }

        token = new WatermarkToken(v);
        return true;
    }
}
