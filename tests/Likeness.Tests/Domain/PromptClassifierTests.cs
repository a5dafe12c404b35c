using Likeness.Domain.Common;
using Likeness.Domain.Content;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>The prompt lexicon: whole words, any case, several categories at once, and nothing from inside a longer word.</summary>
public sealed class PromptClassifierTests
{
    private static uint Mask(params ContentCategory[] categories) => categories.Aggregate(0u, (m, c) => m | ContentCategories.Bit(c));

    [Theory]
    [InlineData("Vote for the candidate on election day.", ContentCategory.Political)]
    [InlineData("VOTE NOW", ContentCategory.Political)]
    [InlineData("the president's speech", ContentCategory.Political)] // an apostrophe ends a word
    [InlineData("election-day special", ContentCategory.Political)] // so does a hyphen
    [InlineData("(referendum)", ContentCategory.Political)]
    [InlineData("a nude\tscene", ContentCategory.Nudity)]
    [InlineData("pray\nfor rain", ContentCategory.Religious)]
    [InlineData("god", ContentCategory.Religious)] // three letters is long enough
    [InlineData("sex", ContentCategory.Sexual)]
    [InlineData("buy bitcoin!", ContentCategory.Financial)]
    [InlineData("kill/stab", ContentCategory.Violence)]
    [InlineData("no more heroin", ContentCategory.Drugs)]
    [InlineData("a racist rant", ContentCategory.Hate)]
    [InlineData("take your medication", ContentCategory.Medical)]
    public void A_lexicon_word_names_its_category(string prompt, ContentCategory category) =>
        Assert.Equal(Mask(category), PromptClassifier.Classify(prompt));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Captain Vale orders the crew to raise the sails.")]
    [InlineData("She was devoted to the voters' guide")] // devoted, voters: not the words vote or voting
    [InlineData("a killer serve at Wimbledon")] // killer is not kill
    [InlineData("godly patience")]
    [InlineData("sextant and compass")]
    [InlineData("el-ec-tion")]
    public void Text_without_a_whole_lexicon_word_is_clean(string prompt) => Assert.Equal(0u, PromptClassifier.Classify(prompt));

    [Fact]
    public void Several_categories_are_found_at_once_and_repeats_change_nothing()
    {
        Assert.Equal(
            Mask(ContentCategory.Political, ContentCategory.Violence, ContentCategory.Financial),
            PromptClassifier.Classify("The senator will kill the bill and invest in crypto; kill it twice."));
    }

    [Fact]
    public void Only_the_sensitive_lexicon_is_detected()
    {
        // Comedy, horror and the rest are the studio's to declare; the classifier only adds what it has words for.
        Assert.Equal(0u, PromptClassifier.Classify("a comedy horror about alcohol tobacco gambling weapons") &
            Mask(ContentCategory.Comedy, ContentCategory.Horror, ContentCategory.Alcohol, ContentCategory.Tobacco, ContentCategory.Gambling, ContentCategory.Weapons));
    }
}
