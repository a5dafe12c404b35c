using System.Text;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Ledger;
using Likeness.Server.Http;
using Likeness.Server.Http.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Server.Api;

/// <summary>The ledger's read side (key, checkpoint, entries, RFC 9162 proofs and C2SP tiles) and the operator's key rotation.</summary>
public static class LedgerApi
{
    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder app)
    {
        // The key, checkpoint and proofs are public: a verifier outside the system must fetch them without an account.
        var g = app.MapGroup("/v1/ledger").WithTags("Ledger");
        g.MapQuery("/key", s => s.Core.Ledger.KeyAsync(s.Aborted), RouteAccess.Public);
        g.MapCommand<KeyRotationBody, LedgerKeyView>("/key/rotate", (s, _, idem) => s.Core.KeyRotation.RotateAsync(s.Caller, idem, s.Aborted), new KeyRotationBody());
        g.MapRawQuery<string>(
            "/checkpoint",
            async s => Results.Text(await s.Core.Ledger.CheckpointAsync(s.Aborted), "text/plain; charset=utf-8", Encoding.UTF8),
            RouteAccess.Public,
            "text/plain");
        g.MapQuery("/entries/{id}", s => s.Core.Ledger.EntryAsync(s.Caller, EndpointExtensions.ParseWholeNumber(s.Id, "index"), s.Aborted));
        g.MapQuery(
            "/proofs/inclusion",
            s => s.Core.Ledger.InclusionAsync(s.LongQuery("index") ?? throw EndpointExtensions.MissingQuery("index"), s.LongQuery("treeSize"), s.Aborted),
            RouteAccess.Public)
            .WithQuery("index", "The entry's index, a whole number.", required: true)
            .WithQuery("treeSize", "The tree size to prove against; the latest checkpoint's when absent.");
        g.MapQuery(
            "/proofs/consistency",
            s => s.Core.Ledger.ConsistencyAsync(s.LongQuery("from") ?? throw EndpointExtensions.MissingQuery("from"), s.LongQuery("to"), s.Aborted),
            RouteAccess.Public)
            .WithQuery("from", "The older tree size, a whole number.", required: true)
            .WithQuery("to", "The newer tree size; the latest checkpoint's when absent.");

        // A tile is public; a caller who sends a key is identified, because the ledger shows a party more of its own entries.
        g.MapRawQuery<byte[]>(
            "/tile/{**path}",
            async s =>
            {
                if (!Tiles.TryParse(s.RouteValue("path"), out var level, out var index, out var width))
                {
                    throw AppProblem.BadRequest("invalid_tile_path", "Expected tile/L/N[.p/W] or tile/entries/N[.p/W] (C2SP tlog-tiles).", "path");
                }

                var bytes = await s.Core.Ledger.TileAsync(s.OptionalCaller, level, index, width, s.Aborted);
                if (width == Tiles.Width)
                {
                    s.Http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                }

                return Results.Bytes(bytes, "application/octet-stream");
            },
            RouteAccess.OptionalCaller,
            "application/octet-stream");
        return app;
    }
}
