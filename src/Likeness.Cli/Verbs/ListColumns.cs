using System.Text.Json.Nodes;

namespace Likeness.Cli.Verbs;

/// <summary>The columns of each list's table: what a person scans for, in at most 100 columns (<c>--json</c> has every field).</summary>
public static class ListColumns
{
    public static readonly ListColumn[] Requests =
    [
        new("request", r => ListVerb.Text(r["id"]), NoWrap: true),
        new("status", r => ListVerb.Text(r["status"])),
        new("project", r => ListVerb.Text(r["terms"]?["project"])),
        new("pay", r => Pay(r["terms"]?["compensation"]), NoWrap: true),
    ];

    public static readonly ListColumn[] Licenses =
    [
        new("licence", l => ListVerb.Text(l["id"]), NoWrap: true),
        new("status", l => ListVerb.Text(l["status"])),
        new("project", l => ListVerb.Text(l["terms"]?["project"])),
        new("pay", l => Pay(l["terms"]?["compensation"]), NoWrap: true),
        new("ends", l => ListVerb.Time(l["termEnd"], "yyyy-MM-dd"), NoWrap: true),
    ];

    public static readonly ListColumn[] Renders =
    [
        new("render", r => ListVerb.Text(r["renderId"]), NoWrap: true),
        new("status", r => ListVerb.Text(r["status"])),
        new("seconds", r => ListVerb.Text(r["actualSeconds"] ?? r["requestedSeconds"])),
        new("created", r => ListVerb.Time(r["createdAt"])),
        new("settled", r => ListVerb.Time(r["settledAt"])),
    ];

    public static readonly ListColumn[] ConsentVersions =
    [
        new("version", c => ListVerb.Text(c["version"])),
        new("created", c => ListVerb.Time(c["createdAt"])),
        new("ledger", c => ListVerb.Text(c["ledgerIndex"])),
        new("permissions", c => Rules(c["policy"]?["permission"])),
        new("prohibitions", c => Rules(c["policy"]?["prohibition"])),
    ];

    /// <summary>The rates as money (<c>USD 25.00/render + USD 1.50/s</c>); a minimum guarantee is in <c>license get</c>.</summary>
    private static string Pay(JsonNode? compensation) =>
        string.Join(" + ", new[] { Per(compensation?["perRender"], "/render"), Per(compensation?["perSecond"], "/s") }.Where(x => x.Length > 0));

    private static string Per(JsonNode? money, string unit) => ListVerb.Money(money) is { Length: > 0 } m ? m + unit : "";

    /// <summary>A policy's rules by their uid (the last segment of an ODRL IRI).</summary>
    private static string Rules(JsonNode? rules) =>
        rules is JsonArray a ? string.Join(", ", a.Select(r => ListVerb.Text(r?["uid"]).Split('/', '#')[^1])) : "";
}
