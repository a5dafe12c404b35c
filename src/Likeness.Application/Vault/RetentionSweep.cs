using Likeness.Application.Common;
using Likeness.Application.Ledger;
using Likeness.Application.Ports;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;

namespace Likeness.Application.Vault;

/// <summary>
/// The custody work only time brings (docs/CUSTODY.md, "Retention"): a studio reminded before it must delete a released
/// copy, the deadline passing without its statement (<c>asset.retention_overdue</c>), and the vault's own copy shredded
/// once its performer's post-mortem term has ended. Run by the server's sweeper on the injected clock.
/// </summary>
public sealed class RetentionSweep(IStore store, TimeProvider clock)
{
    /// <summary>How many obligations or contents one transaction handles; the rest wait for the next tick.</summary>
    public const int Batch = 200;

    /// <summary>What one sweep did.</summary>
    public sealed record Result(int Reminded, int Overdue, int Shredded);

    public Task<Result> SweepAsync(CancellationToken ct = default) =>
        store.WriteAsync(
            s =>
            {
                var now = clock.GetUtcNow();
                int reminded = 0, overdue = 0, shredded = 0;
                foreach (var g in s.Vault.ListRetentionDue(now, Batch))
                {
                    var performer = s.Vault.GetAsset(g.AssetId)!.PerformerId;
                    var data = new Dictionary<string, object?>
                    {
                        ["grantId"] = g.Id,
                        ["assetId"] = g.AssetId,
                        ["performerId"] = performer,
                        ["studioId"] = g.StudioId,
                        ["renderId"] = g.RenderId,
                        ["deleteBy"] = g.DeleteBy,
                    };
                    if (g.DeleteBy <= now)
                    {
                        // The deadline passed with no statement of deletion: recorded for good, and the performer side told.
                        s.AppendLedgerEntry(new LedgerEntry("asset.retention_overdue", now).With("grant", g.Id).With("asset", g.AssetId)
                            .With("performer", performer).With("studio", g.StudioId).With("deleteBy", g.DeleteBy).ToBytes());
                        s.Vault.SetOverdue(g.Id, now);
                        WebhookOutbox.Publish(s, WebhookEventTypes.AssetRetentionOverdue, now, WebhookAudience.Of(performer, g.StudioId), data);
                        overdue++;
                    }
                    else
                    {
                        s.Vault.SetReminded(g.Id, now);
                        WebhookOutbox.Publish(s, WebhookEventTypes.AssetRetentionDue, now, new WebhookAudience(null, [g.StudioId]), data);
                        reminded++;
                    }
                }

                foreach (var asset in s.Vault.ListContentsPastPostMortem(now, Batch))
                {
                    var performer = s.Vault.GetAsset(asset)!.PerformerId;
                    var shred = VaultService.Shred(s, asset, ShredReasons.PostMortemTermEnded, null, now);
                    WebhookOutbox.Publish(s, WebhookEventTypes.AssetShredded, now, WebhookAudience.Of(performer),
                        new Dictionary<string, object?> { ["assetId"] = asset, ["performerId"] = performer, ["sha256"] = shred.Sha256, ["reason"] = shred.Reason });
                    shredded++;
                }

                return new Result(reminded, overdue, shredded);
            },
            ct);
}

/// <summary>Why content was shredded, as <c>asset.shredded</c> records it.</summary>
public static class ShredReasons
{
    /// <summary>The performer side asked.</summary>
    public const string Performer = "performer";

    /// <summary>Her post-mortem term ended: nobody holds the rights to her likeness any more.</summary>
    public const string PostMortemTermEnded = "postMortemTermEnded";
}
