using System.Globalization;
using System.Text;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Ledger;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>The ledger's read side (key, checkpoint, entries, RFC 9162 proofs and C2SP tiles) and the operator's key rotation.</summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/v1/ledger").WithTags("Ledger");
        g.MapGet("/key", async (HttpContext http, LikenessCore core) => TypedResults.Ok(await core.Ledger.KeyAsync(http.RequestAborted)));
        g.MapCommand<KeyRotationBody, LedgerKeyView>("/key/rotate", (s, _, idem) => s.Core.KeyRotation.RotateAsync(s.Caller, idem, s.Aborted), new KeyRotationBody());
        g.MapGet("/checkpoint", async (HttpContext http, LikenessCore core) =>
            Results.Text(await core.Ledger.CheckpointAsync(http.RequestAborted), "text/plain; charset=utf-8", Encoding.UTF8));
        g.MapQuery("/entries/{id}", s => s.Core.Ledger.EntryAsync(s.Caller, Long(s.Id, "index") ?? 0, s.Aborted));
        g.MapGet("/proofs/inclusion", async (HttpContext http, LikenessCore core) =>
            TypedResults.Ok(await core.Ledger.InclusionAsync(Long(http, "index") ?? throw Missing("index"), Long(http, "treeSize"), http.RequestAborted)));
        g.MapGet("/proofs/consistency", async (HttpContext http, LikenessCore core) =>
            TypedResults.Ok(await core.Ledger.ConsistencyAsync(Long(http, "from") ?? throw Missing("from"), Long(http, "to"), http.RequestAborted)));
        g.MapGet("/tile/{**path}", async (HttpContext http, LikenessCore core, string path) =>
        {
            if (!Tiles.TryParse(path, out var level, out var index, out var width))
            {
                throw AppProblem.BadRequest("invalid_tile_path", "Expected tile/L/N[.p/W] or tile/entries/N[.p/W] (C2SP tlog-tiles).", "path");
            }

            PartyRecord? caller = http.Request.Headers.Authorization.Count > 0 ? await http.CallerAsync(core) : null;
            var bytes = await core.Ledger.TileAsync(caller, level, index, width, http.RequestAborted);
            if (width == Tiles.Width)
            {
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            }

            return Results.Bytes(bytes, "application/octet-stream");
        });
        return app;
    }

    private static long? Long(HttpContext http, string name) =>
        http.Request.Query.TryGetValue(name, out var v) ? Long(v.ToString(), name) : null;

    private static long? Long(string text, string name) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw AppProblem.BadRequest("invalid_query", $"'{name}' is a whole number.", name);

    private static AppProblem Missing(string name) => AppProblem.BadRequest("invalid_query", $"'{name}' is required.", name);
}
