using Likeness.Domain.Licensing;
using Xunit;

namespace Likeness.Tests.Lifecycle;

/// <summary>The post-mortem arithmetic: the domicile's rule, the first end, renewals up to the maximum.</summary>
public sealed class PostMortemRuleTests
{
    private static readonly DateTimeOffset Died = new(2030, 2, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, "default")]
    [InlineData("US", "default")]
    [InlineData("US-CA", "US-CA")]
    [InlineData("us-ca", "US-CA")]
    [InlineData("US-NY", "default")]
    public void The_domicile_picks_the_rule(string? domicile, string jurisdiction) =>
        Assert.Equal(jurisdiction, PostMortemTerms.For(domicile).Jurisdiction);

    [Fact]
    public void Renewals_add_five_years_until_seventy_and_no_further()
    {
        var rule = PostMortemTerms.NoFakes;
        var end = PostMortemTerms.FirstEnd(rule, Died);
        Assert.Equal(Died.AddYears(10), end);
        var renewals = 0;
        while (PostMortemTerms.Renewed(rule, Died, end) is { } next)
        {
            Assert.Equal(end.AddYears(5), next);
            end = next;
            renewals++;
        }

        Assert.Equal(12, renewals);
        Assert.Equal(Died.AddYears(70), end);
        Assert.Equal(end.AddYears(-2), PostMortemTerms.EvidenceFrom(rule, end));
        Assert.Null(PostMortemTerms.Renewed(PostMortemTerms.California, Died, PostMortemTerms.FirstEnd(PostMortemTerms.California, Died)));
    }
}
