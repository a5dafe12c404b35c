using System.CommandLine;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;
using Likeness.Ledger.Acts;

namespace Likeness.Cli.Verbs;

/// <summary>
/// <c>keys new | list | revoke</c> (the caller's act-signing keys) and <c>act verify</c> (that a key signed an entry's
/// act, checked here, offline once the entry is fetched or saved).
/// </summary>
public static class ActVerbs
{
    public static Command Keys()
    {
        var file = Opt.Word("FILE", "Where to write the new private key (created 0600; never overwritten)");
        var create = Opt.Verb("new", "Make a P-256 act-signing key in FILE and register it to your party (a later key: sign with --act-key OLD)", file)
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                var me = await api.SendAsync(HttpMethod.Get, "v1/me") ?? throw new CliException("the server did not say who the key is");
                using var key = ActKeyFile.Create(p.GetValue(file)!);
                var jwk = new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = key.Public.X, ["y"] = key.Public.Y };
                var answer = await api.SendAsync(HttpMethod.Post, $"v1/parties/{PartyVerbs.Esc(me["id"]?.ToString())}/keys", new JsonObject { ["jwk"] = jwk }.ToJsonString());
                Answer.Print(answer, p.GetValue(Globals.Json));
                return ExitCodes.Ok;
            });

        var party = Opt.Word("PARTY_ID", "The party whose keys to list");
        var list = Opt.Verb("list", "A party's signing keys, revoked ones too", party)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/parties/{PartyVerbs.Esc(p.GetValue(party))}/keys"));

        var kid = Opt.Word("KID", "The key's id (its RFC 7638 thumbprint)");
        var revoke = Opt.Verb("revoke", "Revoke one of your keys (signed with --act-key, by any key of yours still live)", kid)
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                var me = await api.SendAsync(HttpMethod.Get, "v1/me") ?? throw new CliException("the server did not say who the key is");
                var answer = await api.SendAsync(HttpMethod.Post, $"v1/parties/{PartyVerbs.Esc(me["id"]?.ToString())}/keys/revoke", new JsonObject { ["kid"] = p.GetValue(kid) }.ToJsonString());
                Answer.Print(answer, p.GetValue(Globals.Json));
                return ExitCodes.Ok;
            });

        return Opt.Verb("keys", "Your act-signing keys: acts on a performer's behalf are signed with them", create, list, revoke);
    }

    public static Command Powers()
    {
        var performer = Opt.Word("PERFORMER_ID", "The performer (you, granting or removing)");
        var party = Opt.Text("--party", "The representative's party id", "ID", required: true);
        var role = Opt.OneOf("--role", "The role you name it in (agent by default)", "ROLE", ["agent", "manager"]);
        var powers = Opt.Text("--powers", "What it may do for you: consent, approve, counter, veto, renders, statements", "P[,P]", required: true);
        var until = Opt.Text("--until", "When the grant ends (RFC 3339)", "TIME");
        var grant = Opt.Verb("grant", "Grant a representative powers over your likeness (your own act; signed with --act-key once you have a key)", performer, party, role, powers, until)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/performers/{PartyVerbs.Esc(p.GetValue(performer))}/representatives", new JsonObject
            {
                ["party"] = p.GetValue(party),
                ["role"] = p.GetValue(role) ?? "agent",
                ["powers"] = Run.List(p.GetValue(powers)),
                ["until"] = p.GetValue(until),
            }.ToJsonString()));

        var listed = Opt.Word("PERFORMER_ID", "The performer");
        var list = Opt.Verb("list", "A performer's grants to representatives", listed)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/performers/{PartyVerbs.Esc(p.GetValue(listed))}/representatives"));

        var from = Opt.Word("PERFORMER_ID", "The performer (you)");
        var removed = Opt.Text("--party", "The representative's party id", "ID", required: true);
        var remove = Opt.Verb("remove", "Remove a representative's grant (your own act)", from, removed)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/performers/{PartyVerbs.Esc(p.GetValue(from))}/representatives/remove", new JsonObject { ["party"] = p.GetValue(removed) }.ToJsonString()));

        return Opt.Verb("powers", "The powers you grant your representatives over your likeness", grant, list, remove);
    }

    public static Command Act()
    {
        var index = Opt.Word("INDEX", "The ledger index of the act's entry");
        var entryFile = Opt.Text("--entry-file", "Check this saved answer of GET /v1/ledger/entries/INDEX instead of fetching it", "FILE");
        var publicKey = Opt.Text("--public-key", "The signer's public key you trust (a JWK, or SPKI PEM); by default the one served beside the act", "FILE");
        var verify = Opt.Verb("verify", "Check that a key signed the act a ledger entry records (its signature, signed form and key id)", index, entryFile, publicKey)
            .Does(async (p, _) =>
            {
                JsonNode answer;
                if (p.GetValue(entryFile) is { } path)
                {
                    answer = JsonNode.Parse(Run.ReadFile(path)) ?? throw new CliException($"{path} holds no entry");
                }
                else
                {
                    using var api = Run.Client(p);
                    answer = await api.SendAsync(HttpMethod.Get, $"v1/ledger/entries/{PartyVerbs.Esc(p.GetValue(index))}") ?? throw new CliException("the server sent nothing");
                }

                var result = Check(answer, p.GetValue(publicKey) is { } keyFile ? ReadKey(Run.ReadFile(keyFile)) : null);
                if (p.GetValue(Globals.Json))
                {
                    Answer.PrintJson(result);
                }
                else
                {
                    Console.WriteLine($"entry {result["index"]}: act by {result["signedBy"]} signed with key {result["kid"]}: verified");
                }

                return ExitCodes.Ok;
            });
        return Opt.Verb("act", "Signed acts: check one offline", verify);
    }

    /// <summary>
    /// Checks an entry's act: the entry is decoded from its exact bytes (not the server's decoding), its <c>signedWith</c>
    /// and <c>signatureSha256</c> must name the act's JWS and key, and the key must have signed the signed form.
    /// </summary>
    private static JsonObject Check(JsonNode answer, PartyKey? trusted)
    {
        var bytes = Convert.FromBase64String(answer["entry"]?.ToString() ?? throw new CliException("the answer has no entry bytes"));
        var entry = JsonNode.Parse(bytes) as JsonObject ?? throw new CliException("the entry is not a JSON object");
        var act = answer["act"] as JsonObject ?? throw new CliException("the entry records no signed act");
        var kid = entry["signedWith"]?.ToString() ?? throw new CliException("the entry names no signing key (signedWith): it records an unsigned act");
        var sha = entry["signatureSha256"]?.ToString() ?? throw new CliException("the entry has no signatureSha256");
        var key = trusted ?? PartyKey.FromSpki(act["publicKeySpki"]?.ToString() ?? throw new CliException("no public key given or served"));
        string[] ids = [.. new[] { "performer", "request", "license", "render", "party" }.Select(n => entry[n]?.ToString()).OfType<string>()];
        var problem = ActSignature.CheckRecorded(kid, sha, act["signature"]?.ToString() ?? "", act["signedForm"]?.ToString() ?? "", key, ids);
        return problem is null
            ? new JsonObject { ["index"] = answer["index"]?.DeepClone(), ["kind"] = entry["kind"]?.DeepClone(), ["signedBy"] = act["signedBy"]?.DeepClone(), ["kid"] = kid, ["verified"] = true }
            : throw new CliException($"the act does not verify: {problem}");
    }

    private static PartyKey ReadKey(string text)
    {
        if (!text.TrimStart().StartsWith('{'))
        {
            return PartyKey.FromSpki(text);
        }

        var jwk = JsonNode.Parse(text) ?? throw new FormatException("the key file is empty");
        return PartyKey.FromJwk(jwk["kty"]?.ToString(), jwk["crv"]?.ToString(), jwk["x"]?.ToString(), jwk["y"]?.ToString());
    }
}
