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

    // espeak-ng voice and variant names: letters, digits and dashes (fr, en-us, f3, m1); nothing a shell or a path could misread.
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex VoiceName();

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

        var voiceModel = CheckVoiceModel(body.VoiceModel, modality);
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            AccessRules.RequirePerformerSide(caller, s.GetParty(performerId));
            var now = clock.GetUtcNow();
            var asset = new AssetRecord(
                Ids.New("ast", now), performerId, body.Name.Trim(), modality, tier, body.Sha256, body.SizeBytes,
                provenance.Select(p => new ProvenanceItem(p.Source, p.Licence, p.Sha256)).ToArray(), now)
            { VoiceModel = voiceModel };
            s.InsertAsset(asset);
            return Outcome.Created(ToView(asset));
        }, ct);
    }

    public async Task<AssetView[]> ListAsync(PartyRecord caller, string performerId, CancellationToken ct = default) =>
        await store.ReadAsync(
            s =>
            {
                var performer = s.GetParty(performerId);
                if (caller.Kind == PartyKind.Studio && performer is { Kind: PartyKind.Performer })
                {
                    // A licensee renders with her assets: it sees those of the modalities its licences name, and no others.
                    var licensed = s.ListLicensesOfPerformer(performerId).Where(l => l.StudioId == caller.Id)
                        .SelectMany(l => l.Terms.Uses.Select(u => u.Modality)).ToHashSet();
                    return licensed.Count == 0
                        ? throw AppProblem.NotFound("performer")
                        : s.ListAssets(performerId).Where(a => licensed.Contains(a.Modality)).Select(ToView).ToArray();
                }

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

    private static VoiceModel? CheckVoiceModel(VoiceModelBody? body, Modality modality)
    {
        if (body is null)
        {
            return null;
        }

        if (modality != Modality.Voice)
        {
            throw AppProblem.BadRequest("invalid_voice_model", "Only a voice asset carries a voice model.", "voiceModel");
        }

        if (body.Engine != "espeak-ng")
        {
            throw AppProblem.BadRequest("unknown_code", "The one engine known is espeak-ng.", "voiceModel.engine");
        }

        if (!VoiceName().IsMatch(body.Voice ?? ""))
        {
            throw AppProblem.BadRequest("invalid_voice_model", "An espeak-ng voice name: lower-case letters, digits and dashes (fr, en-us).", "voiceModel.voice");
        }

        if (body.Variant is not null && !VoiceName().IsMatch(body.Variant))
        {
            throw AppProblem.BadRequest("invalid_voice_model", "An espeak-ng variant name: lower-case letters, digits and dashes (f3, m1).", "voiceModel.variant");
        }

        if (body.Pitch is < 0 or > 99)
        {
            throw AppProblem.BadRequest("out_of_range", "pitch is 0 to 99.", "voiceModel.pitch");
        }

        if (body.Speed is < 80 or > 450)
        {
            throw AppProblem.BadRequest("out_of_range", "speed is 80 to 450 words per minute.", "voiceModel.speed");
        }

        return new VoiceModel(body.Engine, body.Voice!, body.Pitch, body.Speed, body.Variant);
    }

    private static AssetView ToView(AssetRecord a) => new(
        a.Id, a.PerformerId, a.Name, Vocabulary<Modality>.Name(a.Modality), Vocabulary<Tier>.Name(a.Tier), a.Sha256, a.SizeBytes,
        a.Provenance.Select(p => new ProvenanceView(p.Source, p.Licence, p.Sha256)).ToArray(), a.CreatedAt)
    {
        VoiceModel = a.VoiceModel is { } v ? new VoiceModelBody(v.Voice, v.Pitch, v.Speed, v.Variant, v.Engine) : null,
    };
}
