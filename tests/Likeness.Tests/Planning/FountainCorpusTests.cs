using Likeness.Domain.Planning;
using Xunit;

namespace Likeness.Tests.Planning;

/// <summary>
/// A corpus of Fountain snippets, one per element and edge case of the Fountain 1.1 syntax, each with the tokens it
/// must give. A token is <c>Kind[flags]@line:text</c>; flags are F (forced), D (dual), the scene number (#n), the
/// section depth (*n) and the character's extensions (+ext).
/// </summary>
public sealed class FountainCorpusTests
{
    public static TheoryData<string, string, string[]> Corpus() => new()
    {
        { "scene heading", "\nINT. KITCHEN - NIGHT\n\nShe waits.\n", ["SceneHeading@2:INT. KITCHEN - NIGHT", "Action@4:She waits."] },
        { "scene heading prefixes", "EXT. ROOF - DAY\n\nest. city\n\nINT./EXT. CAR - MOVING\n\nI/E TRUCK\n\nINT/EXT HALL\n",
            ["SceneHeading@1:EXT. ROOF - DAY", "SceneHeading@3:est. city", "SceneHeading@5:INT./EXT. CAR - MOVING", "SceneHeading@7:I/E TRUCK", "SceneHeading@9:INT/EXT HALL"] },
        { "heading needs a blank line after", "INT. HOUSE - DAY\nThe door opens.\n", ["Character@1:INT. HOUSE - DAY", "Dialogue@2:The door opens."] },
        { "INTERIOR is not a heading", "INTERIOR DESIGN is her trade.\n", ["Action@1:INTERIOR DESIGN is her trade."] },
        { "forced scene heading", ".SNIPER SCOPE POV\n\nCrosshairs.\n", ["SceneHeading[F]@1:SNIPER SCOPE POV", "Action@3:Crosshairs."] },
        { "ellipsis is not a forced heading", "...and then nothing.\n", ["Action@1:...and then nothing."] },
        { "scene number", "INT. HOUSE - DAY #1A#\n\nEXT. YARD #12#\n", ["SceneHeading[#1A]@1:INT. HOUSE - DAY", "SceneHeading[#12]@3:EXT. YARD"] },
        { "action paragraph", "Kate runs.\nShe jumps.\n\nShe lands.\n", ["Action@1:Kate runs.\nShe jumps.", "Action@4:She lands."] },
        { "forced action", "!SCANNING THE ROOM\nNothing.\n", ["Action[F]@1:SCANNING THE ROOM\nNothing."] },
        { "character and dialogue", "KATE\nWhere were you?\n", ["Character@1:KATE", "Dialogue@2:Where were you?"] },
        { "character with a number", "\nR2D2\nBeep.\n", ["Character@2:R2D2", "Dialogue@3:Beep."] },
        { "character needs a blank line before", "He sighs.\nKATE\nHello.\n", ["Action@1:He sighs.\nKATE\nHello."] },
        { "uppercase line with a blank after is action", "BOOM\n\nThe wall falls.\n", ["Action@1:BOOM", "Action@3:The wall falls."] },
        { "extensions", "KATE (V.O.)\nI knew.\n\nDAN (O.S.) (CONT'D)\nDid you?\n\nHANS (on the radio)\nCome in.\n",
            ["Character[+V.O.]@1:KATE", "Dialogue@2:I knew.", "Character[+O.S.+CONT'D]@4:DAN", "Dialogue@5:Did you?", "Character[+on the radio]@7:HANS", "Dialogue@8:Come in."] },
        { "forced character", "@McCLANE\nYippee.\n", ["Character[F]@1:McCLANE", "Dialogue@2:Yippee."] },
        { "parenthetical", "KATE\n(quietly)\nGo.\n(beat)\nNow.\n",
            ["Character@1:KATE", "Parenthetical@2:(quietly)", "Dialogue@3:Go.", "Parenthetical@4:(beat)", "Dialogue@5:Now."] },
        { "dialogue across two spaces", "KATE\nFirst.\n  \nSecond.\n\nAfter.\n",
            ["Character@1:KATE", "Dialogue@2:First.", "Dialogue@3:", "Dialogue@4:Second.", "Action@6:After."] },
        { "dual dialogue", "BRICK\nScrew retirement.\n\nSTEEL ^\nScrew retirement.\n",
            ["Character[D]@1:BRICK", "Dialogue@2:Screw retirement.", "Character[D]@4:STEEL", "Dialogue@5:Screw retirement."] },
        { "transition", "She leaves.\n\nCUT TO:\n\nEXT. STREET\n",
            ["Action@1:She leaves.", "Transition@3:CUT TO:", "SceneHeading@5:EXT. STREET"] },
        { "forced transition", "> BURN TO WHITE.\n", ["Transition[F]@1:BURN TO WHITE."] },
        { "centered", "> THE END <\n", ["Centered@1:THE END"] },
        { "lyrics", "~Willy Wonka! Willy Wonka!\n~The amazing chocolatier!\n",
            ["Lyrics@1:Willy Wonka! Willy Wonka!", "Lyrics@2:The amazing chocolatier!"] },
        { "lyrics in dialogue", "KATE\n~La la la\n", ["Character@1:KATE", "Lyrics@2:La la la"] },
        { "sections", "# ACT ONE\n\n## Sequence 1\n\n### the heist\n", ["Section[*1]@1:ACT ONE", "Section[*2]@3:Sequence 1", "Section[*3]@5:the heist"] },
        { "synopsis", "= Kate learns the truth.\n", ["Synopsis@1:Kate learns the truth."] },
        { "page break", "Before.\n\n===\n\nAfter.\n", ["Action@1:Before.", "PageBreak@3:", "Action@5:After."] },
        { "note on its own line", "Kate runs.\n[[tier: static]]\nShe jumps.\n", ["Action@1:Kate runs.\nShe jumps.", "Note@2:tier: static"] },
        { "inline note", "She smiles.[[check the light]] Then goes.\n", ["Action@1:She smiles. Then goes.", "Note@1:check the light"] },
        { "note across lines", "He waits.\n[[first line\n  \nstill the note]]\nDone.\n", ["Action@1:He waits.\nDone.", "Note@2:first line\n  \nstill the note"] },
        { "boneyard", "Kept.\n\n/* Cut scene\n\nINT. GONE - DAY\n*/\n\nAlso kept.\n", ["Action@1:Kept.", "Boneyard@3:Cut scene\n\nINT. GONE - DAY", "Action@8:Also kept."] },
        { "inline boneyard", "She /*never*/ runs.\n", ["Action@1:She  runs.", "Boneyard@1:never"] },
        { "emphasis left as text", "She is *very* **sure** and _underlined_.\n", ["Action@1:She is *very* **sure** and _underlined_."] },
        { "indented action kept", "\tTabbed in.\n", ["Action@1:\tTabbed in."] },
        { "title page", "Title: The Long Fall\nCredit: Written by\nAuthor: A. Writer\nDraft date: 1/12/2026\nContact:\n   Agency\n   Los Angeles\n\nINT. HALL - DAY\n\nEmpty.\n",
            ["TitleField@1:Title=The Long Fall", "TitleField@2:Credit=Written by", "TitleField@3:Author=A. Writer", "TitleField@4:Draft date=1/12/2026", "TitleField@5:Contact=Agency\nLos Angeles", "SceneHeading@9:INT. HALL - DAY", "Action@11:Empty."] },
        { "colon in action is not a title page", "Note to self: run.\nFast.\n", ["Action@1:Note to self: run.\nFast."] },
        { "windows line endings", "INT. A - DAY\r\n\r\nKATE\r\nHi.\r\n", ["SceneHeading@1:INT. A - DAY", "Character@3:KATE", "Dialogue@4:Hi."] },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_snippet_gives_its_tokens(string name, string text, string[] expected)
    {
        var (script, refusal) = FountainParser.Parse(text);
        Assert.Null(refusal);
        var tokens = script!.TitlePage.Concat(script.Elements).Select(Token).ToArray();
        Assert.True(expected.SequenceEqual(tokens), $"{name}:\nexpected {string.Join(" | ", expected)}\nactual   {string.Join(" | ", tokens)}");
    }

    [Theory]
    [InlineData("Fine.\n/* never closed\n\nmore", "screenplay_malformed", 2)]
    [InlineData("Fine.\n\nSee [[a note\n\nthat never closes", "screenplay_malformed", 3)]
    [InlineData("Fine.\nBad \u0001 byte\n", "screenplay_malformed", 2)]
    public void Malformed_screenplays_are_refused_naming_the_line(string text, string code, int line)
    {
        var (script, refusal) = FountainParser.Parse(text);
        Assert.Null(script);
        Assert.Equal(code, refusal!.Code);
        Assert.Equal(line, refusal.Line);
        Assert.Contains($"line {line}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_too_long_is_refused_naming_it()
    {
        var (_, refusal) = FountainParser.Parse("ok\n\n" + new string('a', FountainParser.MaxLineChars + 1));
        Assert.Equal(3, refusal!.Line);
        Assert.False(refusal.TooLarge);
    }

    [Fact]
    public void An_enormous_screenplay_is_refused_as_too_large_naming_the_line()
    {
        var line = new string('x', 99) + "\n";
        var text = string.Concat(Enumerable.Repeat(line, (FountainParser.MaxChars / 100) + 10));
        var (_, refusal) = FountainParser.Parse(text);
        Assert.True(refusal!.TooLarge);
        Assert.Equal((FountainParser.MaxChars / 100) + 1, refusal.Line);
    }

    private static string Token(FountainElement e)
    {
        var flags = (e.Forced ? "F" : "") + (e.Dual ? "D" : "") + (e.SceneNumber is { } n ? "#" + n : "") +
                    (e.Kind == FountainKind.Section ? "*" + e.Depth : "") + string.Concat(e.Extensions.Select(x => "+" + x));
        var text = e.Kind == FountainKind.TitleField ? $"{e.Key}={e.Text}" : e.Text;
        return $"{e.Kind}{(flags.Length > 0 ? $"[{flags}]" : "")}@{e.Line}:{text}";
    }
}
