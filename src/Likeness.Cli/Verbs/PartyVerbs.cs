using System.CommandLine;
using System.Text.Json.Nodes;

namespace Likeness.Cli.Verbs;

/// <summary><c>party create | get | death</c> and <c>asset add | list</c>.</summary>
public static class PartyVerbs
{
    public static Command Party()
    {
        var kind = Opt.Text("--kind", "performer, studio, representative, union, auditor or operator", "KIND", required: true);
        var name = Opt.Text("--name", "The party's name", "NAME", required: true);
        var represents = Opt.Text("--represents", "The performers an estate or a union acts for (a representative is granted powers by the performer: 'powers grant')", "ID[,ID]");
        var create = Opt.Verb("create", "Create a party (operator); prints its API key once", kind, name, represents)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, "v1/parties", new JsonObject
            {
                ["kind"] = p.GetValue(kind),
                ["name"] = p.GetValue(name),
                ["represents"] = Run.List(p.GetValue(represents)),
            }.ToJsonString()));

        var id = Opt.Word("ID", "The party's id");
        var get = Opt.Verb("get", "Show a party", id)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/parties/{Esc(p.GetValue(id))}"));

        var performer = Opt.Word("PERFORMER_ID", "The performer's id");
        var diedOn = Opt.Text("--died-on", "The date of death (the end of that day in --time-zone, UTC by default)", "YYYY-MM-DD");
        var diedAt = Opt.Text("--died-at", "The instant of death, RFC 3339 (instead of --died-on)", "TIME");
        var zone = Opt.Text("--time-zone", "The IANA time zone of the domicile (America/Los_Angeles)", "ZONE");
        var domicile = Opt.Text("--domicile", "The domicile: ISO 3166-1 or 3166-2 (US-CA), which picks the post-mortem rule", "CODE");
        var death = Opt.Verb("death", "Record a performer's death (operator)", performer, diedOn, diedAt, zone, domicile)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/performers/{Esc(p.GetValue(performer))}/death", new JsonObject
            {
                ["diedOn"] = p.GetValue(diedOn),
                ["diedAt"] = p.GetValue(diedAt),
                ["timeZone"] = p.GetValue(zone),
                ["domicile"] = p.GetValue(domicile),
            }.ToJsonString()));

        return Opt.Verb("party", "Parties: performers, studios, representatives, unions, auditors", create, get, death);
    }

    public static Command Asset()
    {
        var performer = Opt.Word("PERFORMER_ID", "The performer's id");
        var name = Opt.Text("--name", "The asset's name", "NAME", required: true);
        var modality = Opt.Text("--modality", "voice, face, body, …", "M", required: true);
        var tier = Opt.Text("--tier", "The replica tier", "T", required: true);
        var sha256 = Opt.Text("--sha256", "The asset's SHA-256", "HEX");
        var size = Opt.Bytes("--size", "The asset's size in bytes");
        var voice = Opt.Text("--voice", "A voice asset's voice model: the espeak-ng voice (fr, en-us)", "VOICE");
        var pitch = Opt.Whole("--pitch", "The voice model's pitch, 0 to 99");
        var speed = Opt.Whole("--speed", "The voice model's speed, words per minute");
        var variant = Opt.Text("--variant", "The voice model's espeak-ng variant (f3, m1)", "VARIANT");
        var add = Opt.Verb("add", "Register a likeness asset", performer, name, modality, tier, sha256, size, voice, pitch, speed, variant)
            .Calls((p, api) => api.CallAsync(HttpMethod.Post, $"v1/performers/{Esc(p.GetValue(performer))}/assets", new JsonObject
            {
                ["name"] = p.GetValue(name),
                ["modality"] = p.GetValue(modality),
                ["tier"] = p.GetValue(tier),
                ["sha256"] = p.GetValue(sha256),
                ["sizeBytes"] = p.GetValue(size),
                ["voiceModel"] = p.GetValue(voice) is { } v
                    ? new JsonObject { ["voice"] = v, ["pitch"] = p.GetValue(pitch), ["speed"] = p.GetValue(speed), ["variant"] = p.GetValue(variant) }
                    : null,
            }.ToJsonString()));

        var listed = Opt.Word("PERFORMER_ID", "The performer's id");
        var list = Opt.Verb("list", "A performer's assets", listed)
            .Calls((p, api) => api.CallAsync(HttpMethod.Get, $"v1/performers/{Esc(p.GetValue(listed))}/assets"));

        return Opt.Verb("asset", "Likeness assets of a performer", add, list);
    }

    internal static string Esc(string? id) => Uri.EscapeDataString(id ?? "");
}
