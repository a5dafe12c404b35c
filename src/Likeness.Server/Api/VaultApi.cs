using Likeness.Application.Vault;
using Likeness.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Likeness.Server.Api;

/// <summary>The custody vault (docs/CUSTODY.md): an asset's sealed content, uploaded in parts and read back by the performer side.</summary>
public static class VaultApi
{
    public static IEndpointRouteBuilder MapVaultApi(this IEndpointRouteBuilder app, long maxContentBytes)
    {
        var g = app.MapGroup("/v1").WithTags("Custody vault");
        g.MapStreamCommand<ContentPartView>(
            "/performers/{id}/assets/{asset}/content",
            (s, body) => s.Core.Vault.PutPartAsync(s.Caller, s.Id, s.RouteValue("asset"), Part(s.Http.Request), body, s.Aborted),
            maxContentBytes);
        g.MapQuery("/performers/{id}/assets/{asset}/content/upload", s => s.Core.Vault.StatusAsync(s.Caller, s.Id, s.RouteValue("asset"), s.Aborted));
        g.MapRawQuery<byte[]>(
            "/performers/{id}/assets/{asset}/content",
            async s => new ContentResult(await s.Core.Vault.OpenAsync(s.Caller, s.Id, s.RouteValue("asset"), s.Aborted)),
            contentType: "application/octet-stream");
        g.MapCommand<ShredBody, ShreddedView>(
            "/performers/{id}/assets/{asset}/shred",
            (s, _, idem) => s.Core.Vault.ShredAsync(s.Caller, s.Id, s.RouteValue("asset"), idem, s.Aborted),
            whenEmpty: new ShredBody());
        g.MapCommand<LineageBody, LineageView>(
            "/performers/{id}/assets/{asset}/lineage",
            (s, body, idem) => s.Core.Lineage.RecordAsync(s.Caller, s.Id, s.RouteValue("asset"), body, idem, s.Aborted),
            status: 201);
        g.MapQuery("/assets/{id}/lineage", s => s.Core.Lineage.TreeAsync(s.Caller, s.Id, s.Aborted));
        g.MapCommand<AssetGrantBody, AssetGrantView>("/renders/{id}/asset-grants", (s, body, idem) => s.Core.Releases.GrantAsync(s.Caller, s.Id, body, idem, s.Aborted), status: 201);
        g.MapRawQuery<byte[]>(
            "/asset-downloads/{id}",
            async s => new ContentResult(await s.Core.Releases.DownloadAsync(s.Caller, s.Id, s.Aborted)),
            contentType: "application/octet-stream");
        g.MapCommand<DeletionBody, DeletionView>(
            "/asset-grants/{id}/deletion",
            (s, _, idem) => s.Core.Releases.ConfirmDeletionAsync(s.Caller, s.Id, idem, s.Aborted),
            whenEmpty: new DeletionBody());
        g.MapQuery("/performers/{id}/asset-releases", s => s.Core.Releases.ListAsync(s.Caller, s.Id, s.Aborted));
        return app;
    }

    private static ContentPart Part(HttpRequest r) =>
        ContentPart.Parse(r.Headers.ContentRange, r.ContentLength, r.Headers["Content-Digest"], r.Headers["Repr-Digest"]);

    // Streams the opened content: its SHA-256 as the ETag and as Repr-Digest. A chunk found damaged after the answer
    // began cannot become a problem; the connection is aborted so the reader never takes a short body for the whole.
    private sealed class ContentResult(OpenedContent opened) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            using (opened)
            {
                var record = opened.Record;
                http.Response.StatusCode = 200;
                http.Response.ContentType = "application/octet-stream";
                http.Response.ContentLength = record.SizeBytes;
                http.Response.Headers.ETag = $"\"{record.Sha256}\"";
                http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(record.Sha256))}:";
                try
                {
                    await opened.CopyToAsync(http.Response.Body, http.RequestAborted);
                }
                catch (SealedChunkException e)
                {
                    if (http.RequestServices.GetService(typeof(ILoggerFactory)) is ILoggerFactory logs)
                    {
                        logs.CreateLogger("Likeness.Vault").LogError("{Message}", e.Message);
                    }

                    http.Abort();
                }
            }
        }
    }
}
