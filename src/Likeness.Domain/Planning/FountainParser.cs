using System.Text;

namespace Likeness.Domain.Planning;

/// <summary>
/// Parses Fountain 1.1 (fountain.io/syntax) in one pass over the lines, so time grows linearly with the text and never
/// hangs. First boneyard (<c>/* */</c>) and notes (<c>[[ ]]</c>) are taken out, each kept as an element at the line it
/// opened on; then the title page; then each line is classified by its marks and its neighbours (a blank line before
/// or after). Limits, stated in docs/PLANNING.md: <see cref="MaxChars"/> characters (413), <see cref="MaxLineChars"/>
/// per line and no control characters but tab (400, naming the line); an unclosed boneyard or note is a 400 naming
/// the line it opened on.
/// </summary>
public static class FountainParser
{
    /// <summary>The largest screenplay accepted: 2 MiB of text, about eight times a 120-page feature.</summary>
    public const int MaxChars = 2 * 1024 * 1024;

    /// <summary>The longest line accepted (a paragraph of action is one line in Fountain).</summary>
    public const int MaxLineChars = 8_000;

    public const string TooLargeCode = "screenplay_too_large";
    public const string MalformedCode = "screenplay_malformed";

    /// <summary>The script, or the refusal naming the line.</summary>
    public static (FountainScript? Script, FountainRefusal? Refusal) Parse(string text) => Parse(text, MaxChars);

    /// <summary>
    /// The script, or the refusal naming the line, with a lower size limit than <see cref="MaxChars"/> (the API's, which
    /// must fit a screenplay inside a 1 MiB JSON body).
    /// </summary>
    public static (FountainScript? Script, FountainRefusal? Refusal) Parse(string text, int maxChars)
    {
        maxChars = Math.Min(maxChars, MaxChars);
        if (text.Length > maxChars)
        {
            var line = 1 + text.AsSpan(0, maxChars).Count('\n');
            return (null, new FountainRefusal(TooLargeCode, line, $"the screenplay is longer than {maxChars} characters (the limit is crossed on line {line})"));
        }

        var raw = SplitLines(text);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i].Length > MaxLineChars)
            {
                return (null, new FountainRefusal(MalformedCode, i + 1, $"line {i + 1} is longer than {MaxLineChars} characters"));
            }

            foreach (var c in raw[i])
            {
                if (char.IsControl(c) && c != '\t')
                {
                    return (null, new FountainRefusal(MalformedCode, i + 1, $"line {i + 1} contains a control character (U+{(int)c:X4})"));
                }
            }
        }

        var asides = new List<FountainElement>();
        var (lines, gone, refusal) = TakeOutAsides(raw, asides);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var titlePage = new List<FountainElement>();
        var start = ReadTitlePage(lines, gone, titlePage);
        var body = new List<FountainElement>();
        ReadBody(lines, gone, start, body);
        return (new FountainScript(titlePage, Merge(body, asides), raw.Length), null);
    }

    private static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    // Removes /* boneyard */ and [[notes]] (either may span lines). A line left blank only because an aside was taken
    // out of it is "gone": it neither separates paragraphs nor counts as content.
    private static (string[] Lines, bool[] Gone, FountainRefusal? Refusal) TakeOutAsides(string[] raw, List<FountainElement> asides)
    {
        var lines = new string[raw.Length];
        var gone = new bool[raw.Length];
        var inBone = false;
        var inNote = false;
        var asideLine = 0;
        var aside = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            var src = raw[i];
            var kept = new StringBuilder(src.Length);
            var touched = inBone || inNote;
            if (src.Length == 0 && inNote)
            {
                // A truly empty line ends a note's chance of closing (two spaces keep it open).
                return (lines, gone, Unclosed("note", "[[", "]]", asideLine));
            }

            if (src.Length == 0 && inBone)
            {
                aside.Append('\n');
            }

            var j = 0;
            while (j < src.Length)
            {
                if (inBone)
                {
                    var end = src.IndexOf("*/", j, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        aside.Append(src, j, src.Length - j).Append('\n');
                        j = src.Length;
                        continue;
                    }

                    aside.Append(src, j, end - j);
                    asides.Add(new FountainElement(FountainKind.Boneyard, aside.ToString().Trim(), asideLine));
                    aside.Clear();
                    inBone = false;
                    j = end + 2;
                }
                else if (inNote)
                {
                    var end = src.IndexOf("]]", j, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        aside.Append(src, j, src.Length - j).Append('\n');
                        j = src.Length;
                        continue;
                    }

                    aside.Append(src, j, end - j);
                    asides.Add(new FountainElement(FountainKind.Note, aside.ToString().Trim(), asideLine));
                    aside.Clear();
                    inNote = false;
                    j = end + 2;
                }
                else
                {
                    var bone = src.IndexOf("/*", j, StringComparison.Ordinal);
                    var note = src.IndexOf("[[", j, StringComparison.Ordinal);
                    var next = bone < 0 ? note : note < 0 ? bone : Math.Min(bone, note);
                    if (next < 0)
                    {
                        kept.Append(src, j, src.Length - j);
                        break;
                    }

                    kept.Append(src, j, next - j);
                    touched = true;
                    asideLine = i + 1;
                    inBone = next == bone;
                    inNote = !inBone;
                    j = next + 2;
                }
            }

            lines[i] = kept.ToString();
            gone[i] = touched && lines[i].Trim().Length == 0;
        }

        if (inBone)
        {
            return (lines, gone, Unclosed("boneyard", "/*", "*/", asideLine));
        }

        return inNote ? (lines, gone, Unclosed("note", "[[", "]]", asideLine)) : (lines, gone, null);
    }

    private static FountainRefusal Unclosed(string what, string open, string close, int line) =>
        new(MalformedCode, line, $"the {what} opened with {open} on line {line} is never closed with {close}");

    // A title page is key: value lines at the very start, up to the first blank line; a value may continue on lines
    // indented by three spaces or a tab.
    private static int ReadTitlePage(string[] lines, bool[] gone, List<FountainElement> fields)
    {
        var i = 0;
        while (i < lines.Length && gone[i])
        {
            i++;
        }

        if (i >= lines.Length || !IsTitleKey(lines[i], out _))
        {
            return 0;
        }

        string? key = null;
        var keyLine = 0;
        var value = new StringBuilder();
        void Flush()
        {
            if (key is not null)
            {
                fields.Add(new FountainElement(FountainKind.TitleField, value.ToString(), keyLine) { Key = key });
            }

            value.Clear();
        }

        for (; i < lines.Length; i++)
        {
            if (gone[i])
            {
                continue;
            }

            var line = lines[i];
            if (line.Trim().Length == 0)
            {
                break;
            }

            if (IsTitleKey(line, out var colon))
            {
                Flush();
                key = line[..colon].Trim();
                keyLine = i + 1;
                value.Append(line[(colon + 1)..].Trim());
            }
            else if (key is not null && (line.StartsWith('\t') || line.StartsWith("   ", StringComparison.Ordinal)))
            {
                value.Append(value.Length > 0 ? "\n" : "").Append(line.Trim());
            }
            else
            {
                // Not a title page after all: the first paragraph is the body.
                fields.Clear();
                return 0;
            }
        }

        Flush();
        return i;
    }

    private static bool IsTitleKey(string line, out int colon)
    {
        colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsLetter(line[0]))
        {
            return false;
        }

        for (var k = 0; k < colon; k++)
        {
            var c = line[k];
            if (!char.IsLetterOrDigit(c) && c != ' ' && c != '-' && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static void ReadBody(string[] lines, bool[] gone, int start, List<FountainElement> body)
    {
        var prevBlank = true;
        var inDialogue = false;
        StringBuilder? action = null;
        var actionLine = 0;
        var actionForced = false;

        void EndAction()
        {
            if (action is not null)
            {
                body.Add(new FountainElement(FountainKind.Action, action.ToString(), actionLine) { Forced = actionForced });
                action = null;
            }
        }

        for (var i = start; i < lines.Length; i++)
        {
            if (gone[i])
            {
                continue;
            }

            var line = lines[i];
            var trimmed = line.Trim();
            var number = i + 1;
            if (trimmed.Length == 0)
            {
                if (inDialogue && line.Length >= 2)
                {
                    // Two spaces keep a dialogue block going across an empty line.
                    body.Add(new FountainElement(FountainKind.Dialogue, "", number));
                    continue;
                }

                EndAction();
                inDialogue = false;
                prevBlank = true;
                continue;
            }

            var nextBlank = NextIsBlank(lines, gone, i);
            if (inDialogue)
            {
                body.Add(trimmed.StartsWith('(') && trimmed.EndsWith(')')
                    ? new FountainElement(FountainKind.Parenthetical, trimmed, number)
                    : trimmed.StartsWith('~')
                        ? new FountainElement(FountainKind.Lyrics, trimmed[1..].Trim(), number)
                        : new FountainElement(FountainKind.Dialogue, trimmed, number));
                prevBlank = false;
                continue;
            }

            var element = Classify(trimmed, number, prevBlank, nextBlank);
            if (element is null)
            {
                // Action: consecutive lines make one paragraph; leading spaces are kept (they are deliberate in Fountain).
                if (action is null)
                {
                    action = new StringBuilder();
                    actionLine = number;
                    actionForced = trimmed.StartsWith('!');
                }
                else
                {
                    action.Append('\n');
                }

                action.Append(trimmed.StartsWith('!') ? trimmed[1..] : line.TrimEnd());
                prevBlank = false;
                continue;
            }

            EndAction();
            if (element.Kind == FountainKind.Character)
            {
                inDialogue = true;
                if (element.Dual)
                {
                    MarkFirstOfPair(body);
                }
            }

            body.Add(element);
            prevBlank = false;
        }

        EndAction();
    }

    private static FountainElement? Classify(string t, int number, bool prevBlank, bool nextBlank)
    {
        if (t.Length >= 3 && t.All(c => c == '='))
        {
            return new FountainElement(FountainKind.PageBreak, "", number);
        }

        switch (t[0])
        {
            case '!':
                return null;
            case '#':
                var depth = t.TakeWhile(c => c == '#').Count();
                return new FountainElement(FountainKind.Section, t[depth..].Trim(), number) { Depth = depth };
            case '=':
                return new FountainElement(FountainKind.Synopsis, t[1..].Trim(), number);
            case '~':
                return new FountainElement(FountainKind.Lyrics, t[1..].Trim(), number);
            case '>' when t.Length > 1 && t[^1] == '<':
                return new FountainElement(FountainKind.Centered, t[1..^1].Trim(), number);
            case '>':
                return new FountainElement(FountainKind.Transition, t[1..].Trim(), number) { Forced = true };
            case '.' when t.Length > 1 && t[1] != '.':
                return Heading(t[1..], number, forced: true);
            case '@':
                return Character(t[1..], number, forced: true);
        }

        if (prevBlank && nextBlank && IsHeadingPrefix(t))
        {
            return Heading(t, number, forced: false);
        }

        if (prevBlank && nextBlank && t.EndsWith("TO:", StringComparison.Ordinal) && !HasLower(t))
        {
            return new FountainElement(FountainKind.Transition, t, number);
        }

        if (prevBlank && !nextBlank && IsCharacterCue(t))
        {
            return Character(t, number, forced: false);
        }

        return null;
    }

    private static readonly string[] HeadingPrefixes = ["INT./EXT", "INT/EXT", "I/E", "INT", "EXT", "EST"];

    private static bool IsHeadingPrefix(string t)
    {
        foreach (var p in HeadingPrefixes)
        {
            if (t.Length > p.Length && t.StartsWith(p, StringComparison.OrdinalIgnoreCase) && (t[p.Length] == '.' || t[p.Length] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static FountainElement Heading(string t, int number, bool forced)
    {
        string? sceneNumber = null;
        var text = t.Trim();
        if (text.Length > 2 && text[^1] == '#')
        {
            var open = text.LastIndexOf('#', text.Length - 2);
            if (open >= 0 && open < text.Length - 2 && text.AsSpan(open + 1, text.Length - open - 2).IndexOfAny(" \t#") < 0)
            {
                sceneNumber = text[(open + 1)..^1];
                text = text[..open].TrimEnd();
            }
        }

        return new FountainElement(FountainKind.SceneHeading, text, number) { SceneNumber = sceneNumber, Forced = forced };
    }

    // A cue is a line whose name part (before any parenthesis) has a letter and no lower-case letter; extensions in
    // parentheses may be any case ("HANS (on the radio)").
    private static bool IsCharacterCue(string t)
    {
        var name = t.TrimEnd('^').TrimEnd();
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var part = paren >= 0 ? name[..paren] : name;
        return part.Any(char.IsLetter) && !HasLower(part);
    }

    private static bool HasLower(string s) => s.Any(char.IsLower);

    private static FountainElement Character(string t, int number, bool forced)
    {
        var text = t.Trim();
        var dual = text.EndsWith('^');
        if (dual)
        {
            text = text[..^1].TrimEnd();
        }

        var extensions = new List<string>();
        var paren = text.IndexOf('(', StringComparison.Ordinal);
        var name = paren >= 0 ? text[..paren].Trim() : text;
        while (paren >= 0)
        {
            var close = text.IndexOf(')', paren + 1);
            if (close < 0)
            {
                break;
            }

            extensions.Add(text[(paren + 1)..close].Trim());
            paren = text.IndexOf('(', close + 1);
        }

        return new FountainElement(FountainKind.Character, name, number) { Extensions = extensions, Dual = dual, Forced = forced };
    }

    private static void MarkFirstOfPair(List<FountainElement> body)
    {
        for (var k = body.Count - 1; k >= 0; k--)
        {
            if (body[k].Kind == FountainKind.Character)
            {
                body[k] = body[k] with { Dual = true };
                return;
            }
        }
    }

    private static bool NextIsBlank(string[] lines, bool[] gone, int i)
    {
        for (var k = i + 1; k < lines.Length; k++)
        {
            if (!gone[k])
            {
                return lines[k].Trim().Length == 0;
            }
        }

        return true;
    }

    // Asides go in line order among the body's elements (a stable merge of two sorted lists).
    private static List<FountainElement> Merge(List<FountainElement> body, List<FountainElement> asides)
    {
        if (asides.Count == 0)
        {
            return body;
        }

        var all = new List<FountainElement>(body.Count + asides.Count);
        int a = 0, b = 0;
        while (a < body.Count || b < asides.Count)
        {
            if (b >= asides.Count || (a < body.Count && body[a].Line <= asides[b].Line))
            {
                all.Add(body[a++]);
            }
            else
            {
                all.Add(asides[b++]);
            }
        }

        return all;
    }
}
