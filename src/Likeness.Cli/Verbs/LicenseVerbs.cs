using System.CommandLine;
using System.Text.Json.Nodes;

namespace Likeness.Cli.Verbs;

/// <summary><c>license get | list | suspend | resume | estate-consent | revoke</c>.</summary>
public static class LicenseVerbs
{
    public static Command License()
    {
        var getId = Id();
        var get = Opt.Verb("get", "Show a licence: its terms and what is left of each budget", getId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/licenses/{PartyVerbs.Esc(p.GetValue(getId))}"));

        var noticeDays = Opt.Whole("--notice-days", "Days of notice before the revocation takes effect", required: true);
        var revokeId = Id();
        var revoke = Opt.Verb("revoke", "Revoke a licence after a notice period (performer side)", revokeId, noticeDays)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/licenses/{PartyVerbs.Esc(p.GetValue(revokeId))}/revoke", new JsonObject { ["noticeDays"] = p.GetValue(noticeDays) }.ToJsonString()));

        var list = ListVerb.Create(
            "list",
            "The licences you may see, oldest first",
            _ => "v1/licenses",
            ListColumns.Licenses,
            (Opt.OneOf("--status", "Only licences in this status", "S", Statuses.Licenses), "status"),
            (Opt.Text("--performer", "Only licences of this performer", "ID"), "performer"),
            (Opt.Text("--studio", "Only licences held by this studio", "ID"), "studio"),
            (Opt.Text("--expiring-before", "Only licences whose term ends before this time (RFC 3339)", "TIME"), "expiringBefore"));

        return Opt.Verb(
            "license",
            "Licences",
            get,
            list,
            Action("suspend", "Suspend a licence: no render is authorized until it resumes"),
            Action("resume", "Resume a suspended licence"),
            Action("estate-consent", "The estate confirms a licence after the performer's death"),
            revoke);
    }

    private static Command Action(string verb, string description)
    {
        var id = Id();
        return Opt.Verb(verb, description, id)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/licenses/{PartyVerbs.Esc(p.GetValue(id))}/{verb}", "{}"));
    }

    private static Argument<string> Id() => Opt.Word("ID", "The licence's id");
}
