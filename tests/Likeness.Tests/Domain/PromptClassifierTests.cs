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
    [InlineData("VOTE FOR ME ON TUESDAY", ContentCategory.Political)]
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
        Assert.Equal(Mask(category), PromptClassifier.Classify(prompt, "en"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Captain Vale orders the crew to raise the sails.")]
    [InlineData("She was devoted to the cause")] // devoted is not vote
    [InlineData("Vote for your favourite singer tonight")] // a talent show's vote is not an election
    [InlineData("Oh my god, what a view!")] // an exclamation is not religion
    [InlineData("Our summer ad campaign starts Monday")] // a marketing campaign is not politics
    [InlineData("a killer serve at Wimbledon")] // killer is not kill
    [InlineData("godly patience")]
    [InlineData("sextant and compass")]
    [InlineData("el-ec-tion")]
    public void Text_without_a_whole_lexicon_word_is_clean(string prompt) => Assert.Equal(0u, PromptClassifier.Classify(prompt, "en"));

    [Fact]
    public void Several_categories_are_found_at_once_and_repeats_change_nothing()
    {
        Assert.Equal(
            Mask(ContentCategory.Political, ContentCategory.Violence, ContentCategory.Financial),
            PromptClassifier.Classify("The senator will kill the bill and invest in crypto; kill it twice.", "en"));
    }

    [Fact]
    public void Only_the_sensitive_lexicon_is_detected()
    {
        // Comedy, horror and the rest are the studio's to declare; the classifier only adds what it has words for.
        Assert.Equal(0u, PromptClassifier.Classify("a comedy horror about alcohol tobacco gambling weapons", "en") &
            Mask(ContentCategory.Comedy, ContentCategory.Horror, ContentCategory.Alcohol, ContentCategory.Tobacco, ContentCategory.Gambling, ContentCategory.Weapons));
    }

    [Theory]
    [InlineData("La escena empieza con ella completamente desnuda frente al espejo.", "es", ContentCategory.Nudity)]
    [InlineData("Il sortit son couteau et poignarda le garde.", "fr", ContentCategory.Violence)]
    [InlineData("Er wurde nackt fotografiert.", "de", ContentCategory.Nudity)]
    [InlineData("彼は銃で撃ち殺された。", "ja", ContentCategory.Violence)]
    [InlineData("el crio de diez anos llevaba la droga para la banda del barrio", "es", ContentCategory.Minors)]
    public void A_prompt_is_read_in_its_language(string prompt, string language, ContentCategory category) =>
        Assert.Equal(Mask(category), PromptClassifier.Classify(prompt, language) & Mask(category));
}
