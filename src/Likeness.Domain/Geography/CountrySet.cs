namespace Likeness.Domain.Geography;

/// <summary>An immutable set of countries as a 256-bit mask; subset and overlap tests are a few instructions.</summary>
public readonly record struct CountrySet(ulong A, ulong B, ulong C, ulong D)
{
    /// <summary>The empty set.</summary>
    public static CountrySet Empty => default;

    /// <summary>The set holding one country.</summary>
    public static CountrySet Of(int index)
    {
        var bit = 1UL << (index & 63);
        return (index >> 6) switch
        {
            0 => new CountrySet(bit, 0, 0, 0),
            1 => new CountrySet(0, bit, 0, 0),
            2 => new CountrySet(0, 0, bit, 0),
            _ => new CountrySet(0, 0, 0, bit),
        };
    }

    public CountrySet Union(CountrySet o) => new(A | o.A, B | o.B, C | o.C, D | o.D);

    public CountrySet Except(CountrySet o) => new(A & ~o.A, B & ~o.B, C & ~o.C, D & ~o.D);

    public bool IsEmpty => (A | B | C | D) == 0;

    /// <summary>True when every country of this set is in <paramref name="o"/>.</summary>
    public bool IsSubsetOf(CountrySet o) =>
        (A & ~o.A) == 0 && (B & ~o.B) == 0 && (C & ~o.C) == 0 && (D & ~o.D) == 0;

    public bool Overlaps(CountrySet o) => ((A & o.A) | (B & o.B) | (C & o.C) | (D & o.D)) != 0;

    public bool Contains(int index) => Of(index).IsSubsetOf(this);

    /// <summary>The country indexes in this set, ascending.</summary>
    public IEnumerable<int> Indexes()
    {
        for (var i = 0; i < Countries.Count; i++)
        {
            if (Contains(i))
            {
                yield return i;
            }
        }
    }
}
