using System.Text.RegularExpressions;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Parties;

/// <summary>Likeness assets: the components of a performer's digital twin and their training provenance.</summary>
public sealed partial class AssetService(IStore store, TimeProvider clock, Mutations mutations)
{
    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    public Task<Outcome> RegisterAsync(PartyRecord caller, string performerId, CreateAssetBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        FieldRules.Name(body.Name, "name", 200);
        var modality = FieldRules.Code<Modality>(body.Modality, "modality");
        var tier = FieldRules.Code<Tier>(body.Tier, "tier");
        CheckHash(body.Sha256, "sha256");
        if (body.SizeBytes is < 0)
        {
            throw AppProblem.BadRequest("out_of_range", "sizeBytes is not negative.", "sizeBytes");
        }

        var provenance = body.Provenance ?? [];
        if (provenance.Length > 10_000)
        {
            throw AppProblem.BadRequest("out_of_range", "At most 10000 provenance items.", "provenance");
        }

        for (var i = 0; i < provenance.Length; i++)
        {
            FieldRules.Text(provenance[i].Source, $"provenance[{i}].source", 2000);
            FieldRules.Text(provenance[i].Licence, $"provenance[{i}].licence", 200);
            CheckHash(provenance[i].Sha256, $"provenance[{i}].sha256");
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            AccessRules.RequirePerformerSide(caller, s.GetParty(performerId));
            var now = clock.GetUtcNow();
            var asset = new AssetRecord(
                Ids.New("ast", now), performerId, body.Name.Trim(), modality, tier, body.Sha256, body.SizeBytes,
                provenance.Select(p => new ProvenanceItem(p.Source, p.Licence, p.Sha256)).ToArray(), now);
            s.InsertAsset(asset);
            return Outcome.Created(ToView(asset));
        }, ct);
    }

    public async Task<AssetView[]> ListAsync(PartyRecord caller, string performerId, CancellationToken ct = default) =>
        await store.ReadAsync(
            s =>
            {
                var performer = s.GetParty(performerId);
                if (caller.Kind != PartyKind.Operator || performer is not { Kind: PartyKind.Performer })
                {
                    AccessRules.RequirePerformerSide(caller, performer);
                }

                return s.ListAssets(performerId).Select(ToView).ToArray();
            },
            ct);

    private static void CheckHash(string? hash, string field)
    {
        if (hash is not null && !Sha256Hex().IsMatch(hash))
        {
            throw AppProblem.BadRequest("invalid_hash", "Expected 64 lower-case hex digits (SHA-256).", field);
        }
    }

    private static AssetView ToView(AssetRecord a) => new(
        a.Id, a.PerformerId, a.Name, Vocabulary<Modality>.Name(a.Modality), Vocabulary<Tier>.Name(a.Tier), a.Sha256, a.SizeBytes,
        a.Provenance.Select(p => new ProvenanceView(p.Source, p.Licence, p.Sha256)).ToArray(), a.CreatedAt);
}
