namespace Likeness.Domain.Planning;

/// <summary>The kinds of element the Fountain 1.1 syntax defines (fountain.io/syntax).</summary>
public enum FountainKind
{
    TitleField, SceneHeading, Action, Character, Dialogue, Parenthetical, Lyrics, Transition, Centered, Section,
    Synopsis, Note, Boneyard, PageBreak,
}

/// <summary>
/// One element of a screenplay, with the 1-based line it starts on. Emphasis markers (<c>*</c>, <c>_</c>) are left in
/// the text as written: the breakdown reads words, not styling.
/// </summary>
public sealed record FountainElement(FountainKind Kind, string Text, int Line)
{
    /// <summary>A title page field's key (<c>Title</c>, <c>Credit</c>, …).</summary>
    public string? Key { get; init; }

    /// <summary>A scene heading's number (<c>#12A#</c> at its end), without the marks.</summary>
    public string? SceneNumber { get; init; }

    /// <summary>A character's extensions as written inside their parentheses (<c>V.O.</c>, <c>CONT'D</c>).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>True for both characters of a dual dialogue pair (the second one is marked <c>^</c>).</summary>
    public bool Dual { get; init; }

    /// <summary>A section's depth (the number of <c>#</c>).</summary>
    public int Depth { get; init; }

    /// <summary>True when the element was forced by its mark (<c>.</c> <c>!</c> <c>@</c> <c>&gt;</c>).</summary>
    public bool Forced { get; init; }
}

/// <summary>A parsed screenplay: its title page fields and its body, in order.</summary>
public sealed record FountainScript(IReadOnlyList<FountainElement> TitlePage, IReadOnlyList<FountainElement> Elements, int LineCount)
{
    /// <summary>The title page's value for <paramref name="key"/> (case-insensitive), or null.</summary>
    public string? Title(string key = "Title") =>
        TitlePage.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase))?.Text;
}

/// <summary>Why a screenplay was refused, naming the 1-based line. <see cref="TooLarge"/> maps to 413, the rest to 400.</summary>
public sealed record FountainRefusal(string Code, int Line, string Message)
{
    public bool TooLarge => Code == FountainParser.TooLargeCode;
}
