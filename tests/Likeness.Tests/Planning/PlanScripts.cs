namespace Likeness.Tests.Planning;

/// <summary>The screenplays the plan tests send, with what their breakdown must be worked out by hand.</summary>
internal static class PlanScripts
{
    /// <summary>
    /// Two scenes. KATE: scene 1 one speech of 4 words (tier/short-lines: face and voice, 1,600 ms of dialogue at 150 wpm),
    /// scene 2 one voice-over cue of 5 words (tier/voice-only: voice, 2,000 ms). JON is cast to no performer (tier/background-talent).
    /// </summary>
    public const string First = """
        Title: Harbour Lights

        INT. HANGAR - NIGHT

        Kate checks the engine.

        KATE
        Ready when you are.

        EXT. RUNWAY - DAY

        Jon waits by the plane.

        JON
        We leave at dawn, with or without the cargo.

        KATE (V.O.)
        Then we leave without it.
        """;

    /// <summary>
    /// The next draft: KATE's voice-over grows to 10 words (4,000 ms), and a stunt scene is added where she leaps (tier/stunt:
    /// face, body and motion, which her consent does not permit for body and motion).
    /// </summary>
    public const string Second = """
        Title: Harbour Lights

        INT. HANGAR - NIGHT

        Kate checks the engine.

        KATE
        Ready when you are.

        EXT. RUNWAY - DAY

        Jon waits by the plane.

        JON
        We leave at dawn, with or without the cargo.

        KATE (V.O.)
        Then we leave without it, and we never look back.

        EXT. CLIFF - DAY

        Kate leaps from the ledge into the sea. STUNT.
        """;

    /// <summary>The cast: KATE is the performer, JON nobody's.</summary>
    public static Dictionary<string, string?> Cast(string performerId) => new() { ["KATE"] = performerId, ["JON"] = null };

    /// <summary>The release every drafted request asks for: a feature film, in the US, in English, for a year from a day before the test epoch.</summary>
    public static object Release => new
    {
        purposes = new[] { "featureFilm" },
        territories = new[] { "US" },
        languages = new[] { "en" },
        from = Support.TestServer.Epoch.AddDays(-1),
        to = Support.TestServer.Epoch.AddDays(365),
    };

    public static object Body(string performerId, string? screenplay = null, object? rules = null) => new
    {
        project = "Harbour Lights",
        screenplay = screenplay ?? First,
        cast = Cast(performerId),
        release = Release,
        compensation = new { perSecond = new { currency = "USD", minor = 200 }, minimumGuarantee = new { currency = "USD", minor = 50_000 } },
        rules,
    };
}
