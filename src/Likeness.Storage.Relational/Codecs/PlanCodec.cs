using System.Text.Json;
using Likeness.Application.Planning;
using Likeness.Domain.Common;
using Likeness.Domain.Planning;

namespace Likeness.Storage.Relational.Codecs;

/// <summary>
/// A plan version's inputs as stored: a versioned JSON of its own (<c>{"v":1,…}</c>: vocabulary codes, times as UTC
/// ticks), never the HTTP body, read without the request rules, so a stricter rule for requests never makes a stored
/// plan unreadable.
/// </summary>
internal static class PlanCodec
{
    /// <summary>The version this codec writes.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Encode(PlanInputs i) => JsonSerializer.Serialize(
        new StoredPlan(
            Version, i.Screenplay, i.Cast.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            [.. i.Rules.Select(r => new StoredRule(
                r.Id, Vocabulary<RuleScope>.Name(r.Scope), Vocabulary<PlanTier>.Name(r.Tier), [.. r.Modalities.Select(Vocabulary<Modality>.Name)],
                r.Derivation is { } d ? Vocabulary<Derivation>.Name(d) : null, r.Description, r.AnyKeyword?.ToArray(), r.EveryCueExtension?.ToArray(),
                r.Speaking, r.HasPerformer, r.MinSpeeches, r.MaxSpeeches, r.MinWords, r.MaxWords))],
            i.WordsPerMinute,
            new StoredRelease([.. i.Release.Purposes], [.. i.Release.Territories], [.. i.Release.Languages], i.Release.From.UtcTicks, i.Release.To.UtcTicks),
            i.Compensation is { } c ? new StoredPay(c.Currency, c.PerRender, c.PerSecond, c.MinimumGuarantee) : null),
        Options);

    public static PlanInputs Decode(string json)
    {
        var p = JsonSerializer.Deserialize<StoredPlan>(json, Options) ?? throw new InvalidDataException("A stored plan version is empty.");
        if (p.V != Version)
        {
            throw new InvalidDataException($"A stored plan version has encoding {p.V}; this build reads {Version}.");
        }

        return new PlanInputs(
            p.Screenplay, p.Cast,
            [.. p.Rules.Select(r => new TierRule(r.Id, Code<RuleScope>(r.Scope), Code<PlanTier>(r.Tier), [.. r.Modalities.Select(Code<Modality>)],
                r.Derivation is null ? null : Code<Derivation>(r.Derivation), r.Description)
            {
                AnyKeyword = r.AnyKeyword, EveryCueExtension = r.EveryCueExtension, Speaking = r.Speaking, HasPerformer = r.HasPerformer,
                MinSpeeches = r.MinSpeeches, MaxSpeeches = r.MaxSpeeches, MinWords = r.MinWords, MaxWords = r.MaxWords,
            })],
            p.Wpm,
            new PlanRelease(p.Release.Purposes, p.Release.Territories, p.Release.Languages, Time(p.Release.From), Time(p.Release.To)),
            p.Pay is { } c ? new PlanCompensation(c.Currency, c.PerRender, c.PerSecond, c.MinimumGuarantee) : null);
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static T Code<T>(string name)
        where T : struct, Enum =>
        Vocabulary<T>.TryParse(name, out var v) ? v : throw new InvalidDataException($"A stored plan names the unknown {typeof(T).Name} '{name}'.");

    private sealed record StoredPlan(
        int V, string Screenplay, Dictionary<string, string?> Cast, StoredRule[] Rules, int? Wpm, StoredRelease Release, StoredPay? Pay);

    private sealed record StoredRule(
        string Id, string Scope, string Tier, string[] Modalities, string? Derivation, string Description, string[]? AnyKeyword, string[]? EveryCueExtension,
        bool? Speaking, bool? HasPerformer, int? MinSpeeches, int? MaxSpeeches, int? MinWords, int? MaxWords);

    private sealed record StoredRelease(string[] Purposes, string[] Territories, string[] Languages, long From, long To);

    private sealed record StoredPay(string Currency, long? PerRender, long? PerSecond, long? MinimumGuarantee);
}
