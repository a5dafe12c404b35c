using Likeness.Domain.Common;

namespace Likeness.Domain.Content.Lexicons;

/// <summary>The sensitive categories by their short names, for the lexicons' tables (<c>using static</c>).</summary>
internal static class Categories
{
    public const ContentCategory Political = ContentCategory.Political;
    public const ContentCategory Sexual = ContentCategory.Sexual;
    public const ContentCategory Nudity = ContentCategory.Nudity;
    public const ContentCategory Religious = ContentCategory.Religious;
    public const ContentCategory Medical = ContentCategory.Medical;
    public const ContentCategory Financial = ContentCategory.Financial;
    public const ContentCategory Violence = ContentCategory.Violence;
    public const ContentCategory Hate = ContentCategory.Hate;
    public const ContentCategory Drugs = ContentCategory.Drugs;
    public const ContentCategory Minors = ContentCategory.Minors;
}
