using System.Text.RegularExpressions;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;

namespace Likeness.Application.Vault;

/// <summary>
/// What each asset was made from (docs/CUSTODY.md, "Lineage"): recorded once, as a ledger entry (<c>asset.lineage</c>);
/// an asset with a source captured when no consent was in force, or derived from such an asset, is flagged, and the
/// vault never releases it.
/// </summary>
public sealed partial class LineageService(IStore store, TimeProvider clock, Mutations mutations)
{
    private const int MaxDepth = 32;

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    public Task<Outcome> RecordAsync(PartyRecord caller, string performerId, string assetId, LineageBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sources = body.Sources ?? [];
        var derivedFrom = body.DerivedFrom ?? [];
        if (sources.Length + derivedFrom.Length is 0 or > 10_000)
        {
            throw AppProblem.BadRequest("out_of_range", "A lineage names 1 to 10000 sources and assets it derives from.", "sources");
        }

        for (var i = 0; i < sources.Length; i++)
        {
            if (sources[i].Kind is not ("recording" or "session"))
            {
                throw AppProblem.BadRequest("unknown_code", "A source's kind is 'recording' or 'session'.", $"sources[{i}].kind");
            }

            FieldRules.Name(sources[i].Name, $"sources[{i}].name", 200);
            if (sources[i].Sha256 is not { } h || !Sha256Hex().IsMatch(h))
            {
                throw AppProblem.BadRequest("invalid_hash", "Expected 64 lower-case hex digits (SHA-256).", $"sources[{i}].sha256");
            }
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            AccessRules.RequireActingSide(caller, s.GetParty(performerId));
            var asset = s.Vault.GetAsset(assetId);
            if (asset is null || asset.PerformerId != performerId)
            {
                throw AppProblem.NotFound("asset");
            }

            if (s.Vault.GetLineage(assetId) is not null)
            {
                throw AppProblem.Conflict("already_recorded", "This asset's lineage is recorded; a lineage never changes.");
            }

            // The consent in force at each capture: the newest version written at or before it.
            var versions = AllVersions(s, performerId);
            var recorded = sources.Select(x => new LineageSource(x.Kind, x.Name.Trim(), x.Sha256!, x.CapturedAt,
                versions.FirstOrDefault(v => v.CreatedAt <= x.CapturedAt)?.Version)).ToArray();
            var flagged = recorded.Any(x => x.ConsentVersion is null);
            for (var i = 0; i < derivedFrom.Length; i++)
            {
                var parent = s.Vault.GetAsset(derivedFrom[i]);
                if (parent is null || parent.PerformerId != performerId || parent.Id == assetId)
                {
                    throw AppProblem.BadRequest("unknown_asset", "An asset this one derives from is another of the performer's assets.", $"derivedFrom[{i}]");
                }

                flagged |= s.Vault.GetLineage(parent.Id)?.Flagged ?? false;
            }

            var now = clock.GetUtcNow();
            var entry = new LedgerEntry("asset.lineage", now).With("asset", assetId).With("performer", performerId)
                .With("sources", string.Join(' ', recorded.Select(x => x.Sha256))).With("derivedFrom", string.Join(' ', derivedFrom))
                .With("consentVersions", string.Join(' ', recorded.Select(x => x.ConsentVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")))
                .With("consent", flagged ? "flagged" : "clean").With("by", caller.Id);
            var index = s.AppendLedgerEntry(entry.ToBytes());
            var lineage = new LineageRecord(assetId, recorded, [.. derivedFrom], flagged, now, index);
            s.Vault.InsertLineage(lineage);
            return Outcome.Created(Tree(s, asset, 0));
        }, ct);
    }

    /// <summary>The asset's lineage as a tree: its sources, and the lineage of each asset it derives from.</summary>
    public Task<LineageView> TreeAsync(PartyRecord caller, string assetId, CancellationToken ct = default) =>
        store.ReadAsync(
            s =>
            {
                var asset = s.Vault.GetAsset(assetId);
                if (asset is null || !AccessRules.IsPerformerSide(caller, s.GetParty(asset.PerformerId) ?? throw AppProblem.NotFound("asset")))
                {
                    throw AppProblem.NotFound("asset");
                }

                return Tree(s, asset, 0);
            },
            ct);

    private static LineageView Tree(IStoreSession s, AssetRecord asset, int depth)
    {
        var lineage = s.Vault.GetLineage(asset.Id);
        var content = s.Vault.GetContent(asset.Id);
        var parents = depth >= MaxDepth || lineage is null
            ? []
            : lineage.DerivedFrom.Select(s.Vault.GetAsset).OfType<AssetRecord>().Select(p => Tree(s, p, depth + 1)).ToArray();
        return new LineageView(
            asset.Id, asset.Name, content?.Sha256 ?? asset.Sha256, lineage is null ? "unrecorded" : lineage.Flagged ? "flagged" : "clean", lineage?.LedgerIndex,
            lineage?.Sources.Select(x => new LineageSourceView(x.Kind, x.Name, x.Sha256, x.CapturedAt, x.ConsentVersion, x.ConsentVersion is not null)).ToArray() ?? [],
            parents);
    }

    private static List<ConsentVersionRecord> AllVersions(IStoreSession s, string performerId)
    {
        var all = new List<ConsentVersionRecord>();
        int? before = null;
        while (true)
        {
            var page = s.ListConsentVersions(performerId, before, 500);
            all.AddRange(page);
            if (page.Count < 500)
            {
                return all;
            }

            before = page[^1].Version;
        }
    }
}
