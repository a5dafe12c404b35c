namespace Likeness.Watermark;

/// <summary>
/// Dither modulation of a group's projection: bit 0 lives on the points dither + k·Step, bit 1 halfway between them.
/// The soft value of a projection is the cosine of its distance to the bit-0 points (1 on them, -1 on the bit-1
/// points); unmarked audio gives values spread evenly over [-1, 1], mean 0, variance 1/2.
/// </summary>
internal static class Lattice
{
    /// <summary>A group needs at least this much weight (about three full cells of sound) to count.</summary>
    public const float MinWeight = 3f;

    public static float Soft(float projection, float dither) =>
        MathF.Cos(2f * MathF.PI * (projection - dither) / MarkLayout.Step);

    /// <summary>How far the projection must move to reach the nearest point of its bit.</summary>
    public static float Move(float projection, float dither, bool bit)
    {
        var origin = dither + (bit ? MarkLayout.Step / 2 : 0f);
        var k = MathF.Round((projection - origin) / MarkLayout.Step);
        return origin + (k * MarkLayout.Step) - projection;
    }
}
