using System.CommandLine;
using System.Text.Json.Nodes;

namespace Likeness.Cli.Verbs;

/// <summary><c>request create | list | get | approve | attest | accept | veto | counter</c>: licence requests.</summary>
public static class RequestVerbs
{
    public static Command Request()
    {
        var file = Opt.Text("--file", "The request (JSON; - reads stdin)", "REQUEST.json", required: true);
        var create = Opt.Verb("create", "Ask a performer for a licence (studio)", file)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, "v1/license-requests", Run.ReadFile(p.GetValue(file)!)));

        var getId = Id();
        var get = Opt.Verb("get", "Show a request, its terms and conflicts", getId)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/license-requests/{PartyVerbs.Esc(p.GetValue(getId))}"));

        var approveId = Id();
        var note = Note();
        var attestBy = Opt.Text("--attest-by", "Who attests the approval (AB 2602): counsel or union", "counsel|union");
        var attestName = Opt.Text("--attest-name", "Counsel's name (with --attest-by counsel)", "NAME");
        var opinion = Opt.Text("--opinion-sha256", "The SHA-256 of the opinion counsel signed (with --attest-by counsel)", "HEX");
        var attestUnion = Opt.Text("--attest-union", "The attesting union's party id (with --attest-by union)", "ID");
        var attestSignature = Opt.Text("--attest-signature", "The union's signature, made by 'likeness request attest' (with --attest-by union)", "JWS");
        var approve = Opt.Verb("approve", "Approve a request: the licence is granted (performer side)", approveId, note, attestBy, attestName, opinion, attestUnion, attestSignature)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/license-requests/{PartyVerbs.Esc(p.GetValue(approveId))}/approve", new JsonObject
            {
                ["note"] = p.GetValue(note),
                ["attestation"] = p.GetValue(attestBy) switch
                {
                    null => null,
                    "union" => new JsonObject
                    {
                        ["by"] = "union",
                        ["union"] = p.GetValue(attestUnion) ?? throw new CliException("--attest-by union needs --attest-union"),
                        ["signature"] = p.GetValue(attestSignature) ?? throw new CliException("--attest-by union needs --attest-signature"),
                    },
                    var by => new JsonObject
                    {
                        ["by"] = by,
                        ["name"] = p.GetValue(attestName) ?? throw new CliException("--attest-by counsel needs --attest-name"),
                        ["opinionSha256"] = p.GetValue(opinion) ?? throw new CliException("--attest-by counsel needs --opinion-sha256"),
                    },
                },
            }.ToJsonString()));

        var attestId = Id();
        var description = Opt.Text("--description-file", "The request's description of use, exactly (- reads stdin)", "FILE", required: true);
        var attest = Opt.Verb("attest", "Sign a union's AB 2602 attestation of a request's description with --act-key (offline; prints the signature)", attestId, description)
            .Does((p, _) =>
            {
                using var key = ActKeyFile.Load(Globals.ActKeyOf(p) ?? throw new CliException("attest signs with your union's key: give --act-key FILE"));
                Console.WriteLine(key.SignAttestation(p.GetValue(attestId)!, Run.ReadFile(p.GetValue(description)!)));
                return Task.FromResult(ExitCodes.Ok);
            });

        var acceptId = Id();
        var acceptNote = Note();
        var accept = Opt.Verb("accept", "Accept the performer's counter-offer (studio)", acceptId, acceptNote)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/license-requests/{PartyVerbs.Esc(p.GetValue(acceptId))}/accept", new JsonObject { ["note"] = p.GetValue(acceptNote) }.ToJsonString()));

        var vetoId = Id();
        var reason = Opt.Text("--reason", "Why", "TEXT", required: true);
        var veto = Opt.Verb("veto", "Refuse a request (performer side)", vetoId, reason)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/license-requests/{PartyVerbs.Esc(p.GetValue(vetoId))}/veto", new JsonObject { ["reason"] = p.GetValue(reason) }.ToJsonString()));

        var counterId = Id();
        var terms = Opt.Text("--file", "The counter terms (JSON; - reads stdin)", "TERMS.json", required: true);
        var counter = Opt.Verb("counter", "Answer a request with other terms (performer side)", counterId, terms)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/license-requests/{PartyVerbs.Esc(p.GetValue(counterId))}/counter", Run.ReadFile(p.GetValue(terms)!)));

        var list = ListVerb.Create(
            "list",
            "The requests you may see, oldest first (a performer's side: those waiting for an answer with --status pending)",
            _ => "v1/license-requests",
            ListColumns.Requests,
            (Opt.OneOf("--status", "Only requests in this status", "S", Statuses.Requests), "status"),
            (Opt.Text("--performer", "Only requests to this performer", "ID"), "performer"),
            (Opt.Text("--studio", "Only requests from this studio", "ID"), "studio"));

        return Opt.Verb("request", "Licence requests", create, list, get, approve, attest, accept, veto, counter);
    }

    private static Argument<string> Id() => Opt.Word("ID", "The request's id");

    private static Option<string> Note() => Opt.Text("--note", "A note kept with the answer", "TEXT");
}
