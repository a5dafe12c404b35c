using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Vault;

/// <summary>
/// Release only to a licensed render (docs/CUSTODY.md, "Release"): the render's studio, while the render is authorized,
/// for an asset of the performer whose modality and tier fit the render's licence use, sealed, not shredded and of clean
/// lineage. Each release is a ledger entry (<c>asset.released</c>) and a single-use download that lapses after
/// <see cref="GrantLifetime"/>, or when the render settles.
/// </summary>
public sealed class ReleaseService(IStore store, TimeProvider clock, Mutations mutations, VaultService vault)
{
    /// <summary>How long a released download may be fetched.</summary>
    public static readonly TimeSpan GrantLifetime = TimeSpan.FromMinutes(10);

    public Task<Outcome> GrantAsync(PartyRecord caller, string renderId, AssetGrantBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrEmpty(body.Asset))
        {
            throw AppProblem.BadRequest("malformed_json", "'asset' names the asset to release.", "asset");
        }

        var token = Ids.NewApiKey()[3..];
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var render = s.GetRender(renderId);
            if (render is null || render.StudioId != caller.Id)
            {
                throw AppProblem.NotFound("render");
            }

            if (render.Status != RenderStatus.Authorized)
            {
                throw AppProblem.Conflict("render_state", "Assets are released only to a render while it is authorized.");
            }

            var asset = s.Vault.GetAsset(body.Asset);
            if (asset is null || asset.PerformerId != render.PerformerId)
            {
                throw AppProblem.NotFound("asset");
            }

            var terms = s.GetLicense(render.LicenseId)!.Terms;
            var use = terms.Uses[render.UseIndex];
            if (!AssetRelease.Fits(use, asset.Modality, asset.Tier))
            {
                throw new AppProblem(403, "asset_not_licensed",
                    $"The render's licence use ({Vocabulary<Modality>.Name(use.Modality)}) does not cover a {Vocabulary<Tier>.Name(asset.Tier)} {Vocabulary<Modality>.Name(asset.Modality)} asset.", "asset");
            }

            var lineage = s.Vault.GetLineage(asset.Id);
            if (lineage is null || lineage.Flagged)
            {
                throw new AppProblem(403, "lineage_not_clean", lineage is null
                    ? "The asset's lineage is not recorded; only an asset whose every source had consent is released."
                    : "The asset's lineage includes a source captured without consent; it is never released.", "asset");
            }

            if (s.Vault.HasOverdue(caller.Id, asset.PerformerId))
            {
                throw AppProblem.Conflict("retention_overdue",
                    "This studio kept an asset of this performer past its licence's retention; state its deletion (POST /v1/asset-grants/{id}/deletion) before another is released.");
            }

            var content = s.Vault.GetContent(asset.Id);
            if (content is null || content.IsShredded)
            {
                throw content is null ? new AppProblem(404, "no_content", "This asset has no sealed content.") : new AppProblem(410, "content_shredded", "This asset's content was destroyed.");
            }

            var now = clock.GetUtcNow();
            var id = Ids.New("agr", now);
            var deleteBy = AssetRetention.DeleteBy(terms, now);
            var index = s.AppendLedgerEntry(new LedgerEntry("asset.released", now).With("asset", asset.Id).With("sha256", content.Sha256)
                .With("render", render.Id).With("license", render.LicenseId).With("performer", render.PerformerId).With("studio", caller.Id)
                .With("grant", id).With("deleteBy", deleteBy).ToBytes());
            var grant = new AssetGrantRecord(id, TokenHash(token), render.Id, asset.Id, caller.Id, content.Sha256, now, now + GrantLifetime, null, index)
            {
                DeleteBy = deleteBy,
                RemindAt = deleteBy is { } by ? AssetRetention.RemindAt(now, by) : null,
            };
            s.Vault.InsertGrant(grant);
            var withToken = new AssetGrantView(grant.Id, render.Id, asset.Id, content.Sha256, content.SizeBytes, grant.ExpiresAt, index, $"/v1/asset-downloads/{token}", deleteBy);
            return Outcome.CreatedWithSecret(withToken, withToken with { DownloadUrl = null });
        }, ct);
    }

    /// <summary>
    /// The released content, once: the grant is spent before a byte is sent (a download cut off needs a new grant), and
    /// is refused once used, expired, or when its render is no longer authorized.
    /// </summary>
    public async Task<OpenedContent> DownloadAsync(PartyRecord caller, string token, CancellationToken ct = default)
    {
        var (content, key) = await store.WriteAsync(
            s =>
            {
                var grant = s.Vault.GetGrantByToken(TokenHash(token));
                if (grant is null || grant.StudioId != caller.Id)
                {
                    throw AppProblem.NotFound("download");
                }

                var now = clock.GetUtcNow();
                if (grant.UsedAt is not null)
                {
                    throw AppProblem.Conflict("grant_used", "This download was used already; ask a new grant.");
                }

                if (now >= grant.ExpiresAt)
                {
                    throw new AppProblem(410, "grant_expired", "This download lapsed; ask a new grant while the render is authorized.");
                }

                if (s.GetRender(grant.RenderId) is not { Status: RenderStatus.Authorized })
                {
                    throw AppProblem.Conflict("render_state", "The render this download was released to is no longer authorized.");
                }

                var c = s.Vault.GetContent(grant.AssetId);
                if (c is null || c.IsShredded || !s.Vault.UseGrant(grant.Id, now))
                {
                    throw c is null || c.IsShredded
                        ? new AppProblem(410, "content_shredded", "This asset's content was destroyed.")
                        : AppProblem.Conflict("grant_used", "This download was used already; ask a new grant.");
                }

                return (c, s.Vault.GetKey(s.Vault.GetAsset(grant.AssetId)!.PerformerId));
            },
            ct);
        return await vault.OpenSealedAsync(content, key, ct);
    }

    /// <summary>Every time the performer's assets left the vault, newest first (the performer side only).</summary>
    public Task<ReleaseView[]> ListAsync(PartyRecord caller, string performerId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                AccessRules.RequirePerformerSide(caller, s.GetParty(performerId));
                return s.Vault.ListGrantsOfPerformer(performerId, 1000)
                    .Select(g => new ReleaseView(g.Id, g.RenderId, g.AssetId, g.StudioId, g.Sha256, g.CreatedAt, g.UsedAt, g.LedgerIndex, g.DeleteBy, g.OverdueAt, g.DeletedAt)).ToArray();
            },
            ct);

    /// <summary>
    /// The studio states it deleted its copy of a released asset (docs/CUSTODY.md, "Retention"): <c>asset.deleted</c>,
    /// recording whether it was late. Only the grant's studio; once.
    /// </summary>
    public Task<Outcome> ConfirmDeletionAsync(PartyRecord caller, string grantId, IdempotentRequest? idem, CancellationToken ct = default) =>
        mutations.WriteAsync(caller.Id, idem, s =>
        {
            var grant = s.Vault.GetGrant(grantId);
            if (grant is null || grant.StudioId != caller.Id)
            {
                throw AppProblem.NotFound("asset grant");
            }

            if (grant.DeletedAt is not null)
            {
                throw AppProblem.Conflict("deletion_recorded", "This copy's deletion is recorded already.");
            }

            var now = clock.GetUtcNow();
            var late = grant.DeleteBy is { } by && now > by;
            var performer = s.Vault.GetAsset(grant.AssetId)!.PerformerId;
            var index = s.AppendLedgerEntry(new LedgerEntry("asset.deleted", now).With("grant", grant.Id).With("asset", grant.AssetId)
                .With("performer", performer).With("studio", caller.Id).With("deleteBy", grant.DeleteBy).With("late", late ? 1L : 0L).ToBytes());
            s.Vault.SetDeleted(grant.Id, now);
            WebhookOutbox.Publish(s, WebhookEventTypes.AssetDeleted, now, WebhookAudience.Of(performer, caller.Id),
                new Dictionary<string, object?> { ["grantId"] = grant.Id, ["assetId"] = grant.AssetId, ["performerId"] = performer, ["studioId"] = caller.Id, ["late"] = late });
            return Outcome.Ok(new DeletionView(grant.Id, grant.AssetId, now, grant.DeleteBy, late, index));
        }, ct);

    private static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
