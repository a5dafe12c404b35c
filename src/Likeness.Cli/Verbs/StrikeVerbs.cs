using System.CommandLine;
using System.Text.Json.Nodes;

namespace Likeness.Cli.Verbs;

/// <summary><c>strike declare | list | get | waive | end</c>: a union's strikes (docs/DOMAIN.md, "Suspensions and strikes").</summary>
public static class StrikeVerbs
{
    public static Command Strike()
    {
        var union = Opt.Text("--union", "The union's party id (your own)", "ID", required: true);
        var studio = Opt.Text("--studio", "The studio struck (absent: every studio)", "ID");
        var from = Opt.Text("--from", "When it starts, RFC 3339 (absent: now)", "TIME");
        var to = Opt.Text("--to", "When it ends, RFC 3339 (absent: when you end it)", "TIME");
        var declare = Opt.Verb("declare", "Declare a strike for your members: their licences with the studio are suspended by you, new ones refused", union, studio, from, to)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/unions/{PartyVerbs.Esc(p.GetValue(union)!)}/strikes", new JsonObject
            {
                ["studio"] = p.GetValue(studio),
                ["from"] = p.GetValue(from),
                ["to"] = p.GetValue(to),
            }.ToJsonString()));

        var listUnion = Opt.Text("--union", "The union's party id", "ID", required: true);
        var list = Opt.Verb("list", "A union's strikes, oldest first", listUnion)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/unions/{PartyVerbs.Esc(p.GetValue(listUnion)!)}/strikes"));

        var getId = Id();
        var get = Opt.Verb("get", "Show a strike", getId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/strikes/{PartyVerbs.Esc(p.GetValue(getId))}"));

        var waiveId = Id();
        var project = Opt.Text("--project", "The project exempted, exactly as its licences name it", "NAME", required: true);
        var waive = Opt.Verb("waive", "Exempt a project: its licences resume (from the strike) and may be granted", waiveId, project)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/strikes/{PartyVerbs.Esc(p.GetValue(waiveId))}/waivers", new JsonObject { ["project"] = p.GetValue(project) }.ToJsonString()));

        var endId = Id();
        var end = Opt.Verb("end", "End the strike: only its own suspensions are lifted", endId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/strikes/{PartyVerbs.Esc(p.GetValue(endId))}/end", "{}"));

        return Opt.Verb("strike", "A union's strikes: declare, waive a project, end", declare, list, get, waive, end);
    }

    /// <summary>
    /// <c>post-mortem renew PERFORMER_ID</c>: the estate renews the post-mortem right, citing the ledger's settled renders;
    /// <c>post-mortem load --file TERMS.json</c> and <c>post-mortem terms</c>: the operator's table of rules by jurisdiction.
    /// </summary>
    public static Command PostMortem()
    {
        var performer = Opt.Word("PERFORMER_ID", "The performer's id");
        var renew = Opt.Verb("renew", "Renew the post-mortem right (estate), on evidence of renders settled in the two years before it ends", performer)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/performers/{PartyVerbs.Esc(p.GetValue(performer))}/post-mortem-term/renew", "{}"));
        var file = Opt.Text("--file", "The table (JSON {\"rules\": [...]}; - reads stdin)", "TERMS.json", required: true);
        var load = Opt.Verb("load", "Load the post-mortem rules by jurisdiction (operator): a new version, in the ledger", file)
            .Calls((p, api) => api.CallAsync(HttpMethod.Put, "v1/post-mortem-terms", Run.ReadFile(p.GetValue(file)!)));
        var terms = Opt.Verb("terms", "Show the post-mortem rules in force and their version")
            .Calls((_, api) => api.CallAsync(HttpMethod.Get, "v1/post-mortem-terms"));
        return Opt.Verb("post-mortem", "A dead performer's post-mortem right, and the rules by jurisdiction", renew, load, terms);
    }

    private static Argument<string> Id() => Opt.Word("ID", "The strike's id");
}
