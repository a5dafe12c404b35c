using System.CommandLine;

namespace Likeness.Cli.Verbs;

/// <summary><c>consent set | get | versions</c>: a performer's consent policy.</summary>
public static class ConsentVerbs
{
    public static Command Consent()
    {
        var performer = Opt.Word("PERFORMER_ID", "The performer's id");
        var file = Opt.Text("--file", "The policy (JSON; - reads stdin)", "POLICY.json", required: true);
        var set = Opt.Verb("set", "Write a new version of the consent policy", performer, file)
            .Calls((p, api) => api.CallAsync(HttpMethod.Put, $"v1/performers/{PartyVerbs.Esc(p.GetValue(performer))}/consent", Run.ReadFile(p.GetValue(file)!)));

        var shown = Opt.Word("PERFORMER_ID", "The performer's id");
        var odrl = Opt.Flag("--odrl", "As an ODRL 2.2 policy (JSON-LD)");
        var get = Opt.Verb("get", "Show the consent policy in force", shown, odrl)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/performers/{PartyVerbs.Esc(p.GetValue(shown))}/consent" + (p.GetValue(odrl) ? "?format=odrl" : "")));

        var history = Opt.Word("PERFORMER_ID", "The performer's id");
        var versions = ListVerb.Create(
            "versions",
            "Every version of the consent policy, newest first (performer side)",
            p => $"v1/performers/{PartyVerbs.Esc(p.GetValue(history))}/consent/versions",
            ListColumns.ConsentVersions,
            [history]);

        return Opt.Verb("consent", "A performer's consent policy", set, get, versions);
    }
}
