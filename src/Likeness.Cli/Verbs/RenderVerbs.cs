using System.CommandLine;
using System.Text.Json.Nodes;

namespace Likeness.Cli.Verbs;

/// <summary><c>render authorize | complete | get | list | cancel | approve | reject</c>: the gateway and per-instance approval.</summary>
public static class RenderVerbs
{
    public static Command Render()
    {
        var license = Opt.Text("--license", "The licence's id", "ID", required: true);
        var modality = Opt.Text("--modality", "voice, face, body, …", "M", required: true);
        var purpose = Opt.Text("--purpose", "What the render is for (dubbing, advertising, …)", "P", required: true);
        var territory = Opt.Text("--territory", "Where it is shown (ISO 3166 code)", "CC", required: true);
        var language = Opt.Text("--language", "Its language (BCP 47 tag)", "TAG", required: true);
        var seconds = Opt.Number("--seconds", "The synthetic seconds requested", required: true);
        var categories = Opt.Text("--categories", "Content categories", "a,b");
        var prompt = Opt.Text("--prompt", "The prompt, classified for content categories", "TEXT");
        var derivation = Opt.Text("--derivation", "How the output derives from the assets", "D");
        var deliverable = Opt.Text("--deliverable", "The deliverable's name", "NAME");
        var authorize = Opt.Verb(
            "authorize",
            "Ask the gateway for a render: exit 0 permitted, 2 denied, 3 pending the performer's approval",
            license, modality, purpose, territory, language, seconds, categories, prompt, derivation, deliverable)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, "v1/renders", new JsonObject
            {
                ["licenseId"] = p.GetValue(license),
                ["modality"] = p.GetValue(modality),
                ["purpose"] = p.GetValue(purpose),
                ["territory"] = p.GetValue(territory),
                ["language"] = p.GetValue(language),
                ["requestedSeconds"] = p.GetValue(seconds),
                ["contentCategories"] = Run.List(p.GetValue(categories)),
                ["prompt"] = p.GetValue(prompt),
                ["derivation"] = p.GetValue(derivation),
                ["deliverable"] = p.GetValue(deliverable),
            }.ToJsonString()));

        var completeId = Id();
        var actual = Opt.Number("--seconds", "The synthetic seconds rendered", required: true);
        var sha256 = Opt.Text("--sha256", "The output's SHA-256", "HEX", required: true);
        var complete = Opt.Verb("complete", "Report a render done: it becomes usage", completeId, actual, sha256)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/renders/{PartyVerbs.Esc(p.GetValue(completeId))}/complete", new JsonObject
            {
                ["actualSeconds"] = p.GetValue(actual),
                ["outputSha256"] = p.GetValue(sha256),
            }.ToJsonString()));

        var getId = Id();
        var get = Opt.Verb("get", "Show a render", getId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/renders/{PartyVerbs.Esc(p.GetValue(getId))}"));

        return Opt.Verb(
            "render",
            "Renders (studio) and their per-instance approval (performer side)",
            authorize,
            complete,
            get,
            ListVerb.Create(
                "list",
                "The renders you may see, oldest first",
                _ => "v1/renders",
                ListColumns.Renders,
                (Opt.OneOf("--status", "Only renders in this status", "S", Statuses.Renders), "status"),
                (Opt.Text("--license", "Only renders under this licence", "ID"), "license"),
                (Opt.Text("--since", "Only renders created at or after this time (RFC 3339)", "TIME"), "since")),
            Action("cancel", "Cancel an authorized render: its reservation is released"),
            Action("approve", "Approve a render pending approval (performer side)"),
            Action("reject", "Reject a render pending approval (performer side)"));
    }

    private static Command Action(string verb, string description)
    {
        var id = Id();
        return Opt.Verb(verb, description, id)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/renders/{PartyVerbs.Esc(p.GetValue(id))}/{verb}", "{}"));
    }

    private static Argument<string> Id() => Opt.Word("ID", "The render's id");
}
