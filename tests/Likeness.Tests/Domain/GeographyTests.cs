using Likeness.Domain.Geography;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>Countries, the 256-bit country sets, and the regions a territory code resolves to.</summary>
public sealed class GeographyTests
{
    private static CountrySet Resolve(string code)
    {
        Assert.True(Regions.TryResolve(code, out var set), code);
        return set;
    }

    private static CountrySet Set(params string[] countries) =>
        countries.Aggregate(CountrySet.Empty, (s, c) => Countries.TryGetIndex(c, out var i) ? s.Union(CountrySet.Of(i)) : throw new ArgumentException(c));

    private static string[] Codes(CountrySet set) => set.Indexes().Select(Countries.CodeAt).ToArray();

    [Fact]
    public void There_are_249_unique_upper_case_alpha_2_codes_that_fit_a_country_set()
    {
        Assert.Equal(249, Countries.Count);
        Assert.Equal(Countries.Count, Countries.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Countries.All, c => Assert.Matches("^[A-Z]{2}$", c));
        Assert.True(Countries.Count <= 256);
        for (var i = 0; i < Countries.Count; i++)
        {
            Assert.True(Countries.TryGetIndex(Countries.CodeAt(i), out var back));
            Assert.Equal(i, back);
            Assert.True(Countries.TryGetIndex(Countries.CodeAt(i).ToLowerInvariant(), out back));
            Assert.Equal(i, back);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("XX")]
    [InlineData("UK")] // the United Kingdom is GB
    [InlineData("JPN")]
    [InlineData("J")]
    [InlineData(" JP")]
    public void Unknown_country_codes_are_refused(string code) => Assert.False(Countries.TryGetIndex(code, out _));

    [Fact]
    public void Every_word_of_the_set_holds_its_own_countries()
    {
        // Indexes on both sides of each 64-bit word boundary, and the last country.
        foreach (var i in new[] { 0, 1, 63, 64, 127, 128, 191, 192, Countries.Count - 1 })
        {
            var one = CountrySet.Of(i);
            Assert.True(one.Contains(i));
            Assert.Equal([i], one.Indexes());
            Assert.False(one.IsEmpty);
            Assert.All(new[] { 0, 1, 63, 64, 127, 128, 191, 192, Countries.Count - 1 }.Where(j => j != i), j => Assert.False(one.Contains(j)));
        }
    }

    [Fact]
    public void Set_algebra_agrees_with_a_hash_set_on_random_sets()
    {
        // Deterministic: a fixed seed per round, printed with any failure.
        for (var seed = 0; seed < 200; seed++)
        {
            var rng = new Random(seed);
            var a = Enumerable.Range(0, rng.Next(0, 40)).Select(_ => rng.Next(Countries.Count)).ToHashSet();
            var b = Enumerable.Range(0, rng.Next(0, 40)).Select(_ => rng.Next(Countries.Count)).ToHashSet();
            var sa = a.Aggregate(CountrySet.Empty, (s, i) => s.Union(CountrySet.Of(i)));
            var sb = b.Aggregate(CountrySet.Empty, (s, i) => s.Union(CountrySet.Of(i)));
            var context = $"seed {seed}";

            Assert.True(a.Order().SequenceEqual(sa.Indexes()), context);
            Assert.True(a.Union(b).Order().SequenceEqual(sa.Union(sb).Indexes()), context);
            Assert.True(a.Except(b).Order().SequenceEqual(sa.Except(sb).Indexes()), context);
            Assert.True(a.IsSubsetOf(b) == sa.IsSubsetOf(sb), context);
            Assert.True(a.Overlaps(b) == sa.Overlaps(sb), context);
            Assert.True((a.Count == 0) == sa.IsEmpty, context);
            Assert.True(sa.Union(sb).Except(sb).IsSubsetOf(sa), context);
            Assert.Equal(sa, sa.Union(CountrySet.Empty));
        }
    }

    [Fact]
    public void The_empty_set_is_a_subset_of_everything_and_overlaps_nothing()
    {
        var jp = Set("JP");
        Assert.True(CountrySet.Empty.IsEmpty);
        Assert.True(CountrySet.Empty.IsSubsetOf(jp));
        Assert.False(CountrySet.Empty.Overlaps(jp));
        Assert.False(jp.IsSubsetOf(CountrySet.Empty));
        Assert.Empty(CountrySet.Empty.Indexes());
    }

    [Fact]
    public void The_EU_has_its_27_members_and_the_EEA_three_more()
    {
        var eu = Resolve("EU");
        Assert.Equal(27, eu.Indexes().Count());
        Assert.True(Set("FR", "DE", "IE", "HR", "CY").IsSubsetOf(eu));
        Assert.False(eu.Overlaps(Set("GB", "NO", "CH", "IS", "LI", "TR")));
        Assert.Equal(eu.Union(Set("IS", "LI", "NO")), Resolve("EEA"));
    }

    [Fact]
    public void WORLD_and_M49_001_are_every_country()
    {
        Assert.Equal(Countries.Count, Resolve("WORLD").Indexes().Count());
        Assert.Equal(Resolve("WORLD"), Resolve("001"));
    }

    [Fact]
    public void NA_is_North_America_and_Namibia_is_written_516()
    {
        Assert.Equal(["CA", "MX", "US"], Codes(Resolve("NA")).Order(StringComparer.Ordinal));
        Assert.Equal(["NA"], Codes(Resolve("516")));
    }

    [Fact]
    public void Trade_groupings_are_as_DOMAIN_md_defines_them()
    {
        Assert.Equal(Resolve("419"), Resolve("LATAM"));
        Assert.True(Set("BR", "MX", "JM", "AR").IsSubsetOf(Resolve("LATAM")));
        Assert.False(Resolve("LATAM").Overlaps(Set("US", "CA", "ES")));

        var apac = Resolve("APAC");
        Assert.True(Set("JP", "CN", "IN", "AU", "NZ", "FJ", "KZ").IsSubsetOf(apac));
        Assert.False(apac.Overlaps(Set("TR", "AE", "SA", "IL"))); // Western Asia is EMEA

        var emea = Resolve("EMEA");
        Assert.True(Set("DE", "GB", "RU", "ZA", "EG", "AE", "TR").IsSubsetOf(emea));
        Assert.False(emea.Overlaps(Set("JP", "US", "BR", "AU")));

        // The continents partition the world.
        var continents = new[] { "002", "019", "142", "150", "009" }.Select(Resolve).ToList();
        var union = continents.Aggregate(CountrySet.Empty, (s, c) => s.Union(c));
        Assert.Equal(Countries.Count - 1, union.Indexes().Count()); // Antarctica belongs to none
        Assert.DoesNotContain("AQ", Codes(union));
        for (var i = 0; i < continents.Count; i++)
        {
            for (var j = i + 1; j < continents.Count; j++)
            {
                Assert.False(continents[i].Overlaps(continents[j]), $"{i} and {j} overlap");
            }
        }
    }

    [Fact]
    public void Every_country_code_resolves_to_itself_except_where_a_region_has_the_name()
    {
        var shadowed = new List<string>();
        for (var i = 0; i < Countries.Count; i++)
        {
            var code = Countries.CodeAt(i);
            Assert.True(Regions.IsCountry(code));
            if (Resolve(code) != CountrySet.Of(i))
            {
                shadowed.Add(code);
            }
        }

        Assert.Equal(["NA"], shadowed);
    }

    [Theory]
    [InlineData("eu")]
    [InlineData("World")]
    [InlineData("jp")]
    public void Codes_are_case_insensitive(string code) => Assert.Equal(Resolve(code.ToUpperInvariant()), Resolve(code));

    [Theory]
    [InlineData("")]
    [InlineData("ATLANTIS")]
    [InlineData("EU ")]
    [InlineData("999")]
    [InlineData("XX")]
    [InlineData("E U")]
    public void Unknown_territories_are_refused(string code)
    {
        Assert.False(Regions.TryResolve(code, out var set));
        Assert.True(set.IsEmpty);
        Assert.False(Regions.IsCountry(code));
    }
}
