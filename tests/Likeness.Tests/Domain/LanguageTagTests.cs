using Likeness.Domain.Language;
using Xunit;

namespace Likeness.Tests.Domain;

/// <summary>BCP 47 well-formedness with a known primary language, and the prefix rule licences and consents match by.</summary>
public sealed class LanguageTagTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("EN")]
    [InlineData("en-GB")]
    [InlineData("en-gb")]
    [InlineData("de-AT")]
    [InlineData("es-419")]
    [InlineData("zh-Hant")]
    [InlineData("zh-Hant-TW")]
    [InlineData("sl-rozaj")]
    [InlineData("de-CH-1901")]
    [InlineData("haw")]
    [InlineData("yue-HK")]
    public void Well_formed_tags_with_a_known_language_are_valid(string tag) => Assert.True(LanguageTag.IsValid(tag), tag);

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("xx")] // two letters, but no ISO 639-1 language
    [InlineData("qq-GB")]
    [InlineData("english")]
    [InlineData("en_GB")]
    [InlineData("en-")]
    [InlineData("-en")]
    [InlineData("en--GB")]
    [InlineData("en-GBR")] // a region is two letters or three digits
    [InlineData("en-12")]
    [InlineData("en GB")]
    [InlineData(" en")]
    [InlineData("en\n")] // a trailing newline is not a tag
    [InlineData("12")]
    [InlineData("klingon-!")]
    [InlineData("x-private")]
    [InlineData("en-abcdefgh-abcdefgh-abcdefgh-abcdefgh")] // well-formed, but longer than 35 characters
    public void Malformed_or_unknown_tags_are_refused(string tag) => Assert.False(LanguageTag.IsValid(tag), tag);

    [Theory]
    [InlineData("en", "en", true)]
    [InlineData("en", "EN", true)]
    [InlineData("en", "en-GB", true)]
    [InlineData("en", "en-gb", true)]
    [InlineData("EN", "en-GB", true)]
    [InlineData("de", "de-AT-1901", true)]
    [InlineData("zh-Hant", "zh-Hant-TW", true)]
    [InlineData("en-GB", "en", false)] // a narrower range never covers the broader tag
    [InlineData("de-AT", "de", false)]
    [InlineData("en", "eng", false)] // a prefix must end on a subtag boundary
    [InlineData("en-GB", "en-GBx", false)]
    [InlineData("en-GB", "en-US", false)]
    [InlineData("zh-Hant", "zh-Hans-CN", false)]
    [InlineData("en", "", false)]
    [InlineData("", "en", false)]
    public void A_range_covers_itself_and_every_more_specific_tag(string range, string tag, bool covers) =>
        Assert.Equal(covers, LanguageTag.Covers(range, tag));
}
