using Likeness.Tests.Support;
using Likeness.Tests.Vault;

namespace Likeness.Tests.Http;

/// <summary>The custody vault's rows (docs/CUSTODY.md): the performer side's content, lineage, shredding and releases; the studio's grants.</summary>
public sealed partial class AccessTableTests
{
    private void VaultRows(string section, Dictionary<string, Func<Task<Call>>> rows)
    {
        var living = section == Living;
        var p = living ? f.W.Performer.Id : f.Dead.Id;
        // Who registers and seals her assets: she herself, or once she is dead her estate.
        var side = living ? f.W.Performer : f.DeadEstate;
        rows["PUT /v1/performers/{id}/assets/{asset}/content"] = async () =>
        {
            // The whole (empty) content in one part: a fresh asset for each cell, since content is sealed once.
            var asset = await f.AssetAsync(side, p);
            return new Call(HttpMethod.Put, VaultClient.Path(p, asset))
            {
                Raw = ([], new(StringComparer.Ordinal) { ["Content-Type"] = "application/octet-stream", ["Content-Range"] = "bytes */0", ["Content-Digest"] = VaultClient.Digest([]) }),
            };
        };
        rows["GET /v1/performers/{id}/assets/{asset}/content/upload"] = async () => Get(VaultClient.Path(p, await f.SealedAsync(side, p)) + "/upload");
        rows["GET /v1/performers/{id}/assets/{asset}/content"] = async () => Get(VaultClient.Path(p, await f.SealedAsync(side, p)));
        rows["POST /v1/performers/{id}/assets/{asset}/shred"] = async () => Post($"/v1/performers/{p}/assets/{await f.FreshSealedAsync(side, p)}/shred");
        rows["POST /v1/performers/{id}/assets/{asset}/lineage"] = async () => Post(
            $"/v1/performers/{p}/assets/{await f.AssetAsync(side, p)}/lineage",
            new { sources = new[] { new { kind = "session", name = "studio day", sha256 = new string('a', 64), capturedAt = f.Server.Clock.GetUtcNow() } } });
        rows["GET /v1/assets/{id}/lineage"] = async () => Get($"/v1/assets/{await f.SealedAsync(side, p)}/lineage");
        rows["GET /v1/performers/{id}/asset-releases"] = Now(Get($"/v1/performers/{p}/asset-releases"));
        if (living)
        {
            rows["POST /v1/renders/{id}/asset-grants"] = async () =>
            {
                var (asset, render) = await f.ReleasableAsync();
                return Post($"/v1/renders/{render}/asset-grants", new { asset });
            };
            rows["GET /v1/asset-downloads/{id}"] = async () => Get(await f.DownloadPathAsync());
            rows["POST /v1/asset-grants/{id}/deletion"] = async () => Post($"/v1/asset-grants/{await f.GrantIdAsync()}/deletion");
        }

        static Func<Task<Call>> Now(Call c) => () => Task.FromResult(c);
    }
}
