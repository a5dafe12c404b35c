using System.Globalization;

namespace Likeness.Domain.Licensing;

/// <summary>
/// One hold on a licence (docs/DOMAIN.md, "Suspensions and strikes"). A licence is suspended while any of its suspensions
/// holds; only the suspension's owner lifts it. <see cref="Owner"/> is <see cref="PerformerSide"/> or <c>union:{id}</c>;
/// a suspension a strike placed names it in <see cref="Strike"/> and holds over the strike's window
/// [<see cref="FromMillis"/>, <see cref="ToMillis"/>) (Unix milliseconds; one placed by hand holds from when it was placed
/// until lifted).
/// </summary>
public sealed record Suspension(string Owner, string? Strike, long FromMillis, long ToMillis = long.MaxValue)
{
    /// <summary>The owner of a suspension placed by the performer, her representatives or her estate.</summary>
    public const string PerformerSide = "performer";

    /// <summary>The owner name of a union's suspensions.</summary>
    public static string OfUnion(string unionId) => "union:" + unionId;

    /// <summary>Whether it holds at <paramref name="atMillis"/>.</summary>
    public bool HoldsAt(long atMillis) => FromMillis <= atMillis && atMillis < ToMillis;

    /// <summary>The rule a denial names: <c>strike/{id}</c>, <c>suspension/performer</c> or <c>suspension/union/{id}</c>.</summary>
    public string Reference => Strike is not null
        ? "strike/" + Strike
        : "suspension/" + Owner.Replace(':', '/');

    /// <summary>True when any of <paramref name="suspensions"/> holds at <paramref name="atMillis"/>.</summary>
    public static bool AnyHolds(IReadOnlyList<Suspension> suspensions, long atMillis)
    {
        for (var i = 0; i < suspensions.Count; i++)
        {
            if (suspensions[i].HoldsAt(atMillis))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Reference} [{FromMillis}, {ToMillis})");
}
