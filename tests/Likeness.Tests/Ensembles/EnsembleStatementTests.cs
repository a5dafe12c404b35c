using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;
using static Likeness.Tests.Ensembles.EnsembleKit;

namespace Likeness.Tests.Ensembles;

/// <summary>A statement line for a contributor's part of a render with several performers names the render and her share (issue 16).</summary>
public abstract class EnsembleStatementTests(Provider provider) : WorldTests(provider)
{
    [Fact]
    public async Task A_statement_line_shows_the_renders_id_and_her_share()
    {
        var other = await PerformerAsync(W, "Ines Duarte");
        var hers = await LicenceAsync(W, other);

        // A render of her own (5 s) and her part of a duet (66.67% of 7.001 s = 4.668 s), both on her licence.
        await W.RenderAsync(hers, 5);
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", Body(10, (W.LicenseId, "likeness", 3333), (hers, "voice", 6667)));
        Assert.True(status == 201, render?.ToJsonString());
        var id = render!["renderId"]!.GetValue<string>();
        var (cs, done) = await W.As(W.Studio).PostAsync($"/v1/renders/{id}/complete", new { actualSeconds = 7.001m, outputSha256 = new string('e', 64) });
        Assert.True(cs == 200, done?.ToJsonString());

        var (ss, statement) = await W.As(other).GetJsonAsync($"/v1/statements?party={other.Id}&period=2026-11");
        Assert.True(ss == 200, statement?.ToJsonString());
        var usage = statement!["lines"]!.AsArray().Where(l => l!["kind"]!.GetValue<string>() == "usage").ToList();
        Assert.Equal(2, usage.Count);

        // Her own render keeps the line it always had: no render named.
        var own = Assert.Single(usage, l => l!["renderId"] is null)!;
        Assert.Null(own["renderShareBps"]);
        Assert.Equal((hers, 1L, 5m, 3250L), Line(own));

        // Her part: the ensemble's id and her 6,667 bp; paid on her licence's terms: 2,500 + 150 × 4.668 = 3,200.2 → 3,200.
        var part = Assert.Single(usage, l => l!["renderId"] is not null)!;
        Assert.Equal(id, part["renderId"]!.GetValue<string>());
        Assert.Equal(6667, part["renderShareBps"]!.GetValue<int>());
        Assert.Equal((hers, 1L, 4.668m, 3200L), Line(part));

        // The studio's invoice names the same render on both licences, with each contributor's share.
        var (vs, invoice) = await W.As(W.Studio).GetJsonAsync($"/v1/statements?party={W.Studio.Id}&period=2026-11");
        Assert.True(vs == 200, invoice?.ToJsonString());
        var parts = invoice!["lines"]!.AsArray().Where(l => l!["kind"]!.GetValue<string>() == "usage" && l["renderId"] is not null)
            .Select(l => (l!["licenseId"]!.GetValue<string>(), l["renderId"]!.GetValue<string>(), l["renderShareBps"]!.GetValue<int>(), l["seconds"]!.GetValue<decimal>()))
            .OrderBy(p => p.Item3).ToList();
        Assert.Equal([(W.LicenseId, id, 3333, 2.333m), (hers, id, 6667, 4.668m)], parts);

        // The CSV export keeps its stable columns.
        var csv = await W.As(other).GetStringAsync($"/v1/statements?party={other.Id}&period=2026-11&format=csv");
        Assert.StartsWith("period,party,status,kind,license,use,role,currency,renders,seconds,per_render_minor,per_second_minor,factor,gross_minor,share_bps,amount_minor,corrects_period,corrects\n", csv, StringComparison.Ordinal);
    }

    private static (string License, long Renders, decimal Seconds, long Amount) Line(JsonNode l) =>
        (l["licenseId"]!.GetValue<string>(), l["renders"]!.GetValue<long>(), l["seconds"]!.GetValue<decimal>(), l["amountMinor"]!.GetValue<long>());
}

/// <summary>The ensemble statement tests on the embedded SQLite store.</summary>
public sealed class EnsembleStatementTestsOnSqlite() : EnsembleStatementTests(Provider.Sqlite);

/// <summary>The ensemble statement tests on PostgreSQL.</summary>
public sealed class EnsembleStatementTestsOnPostgres() : EnsembleStatementTests(Provider.Postgres);
