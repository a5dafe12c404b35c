using Likeness.Domain.Common;

namespace Likeness.Domain.Content;

/// <summary>
/// One language's lexicon: phrases that name a sensitive category, and neutral phrases (the other senses of a word:
/// "oh my god", "ad campaign", "shoot a photo") that cover words so no category is read into them.
/// </summary>
/// <remarks>
/// A phrase is written as a person would write it; it is folded (<see cref="TextFold"/>) when the lexicon is built. In a
/// language written with spaces, a phrase is a sequence of words, and a word ending in <c>*</c> matches every word that
/// begins with it (inflections: <c>assassin*</c>; German compounds: <c>*mord</c> is not supported, list them). In a
/// language written without spaces (<see cref="Spaced"/> false: Japanese), a phrase matches anywhere in the text.
/// </remarks>
public sealed record Lexicon(string Language, bool Spaced, IReadOnlyList<(ContentCategory Category, string Phrase)> Phrases, IReadOnlyList<string> Neutral);
