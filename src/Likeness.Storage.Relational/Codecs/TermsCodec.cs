using System.Text.Json;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Domain.Royalties;

namespace Likeness.Storage.Relational.Codecs;

/// <summary>
/// Licence terms as stored: a versioned JSON of their own (<c>{"v":1,…}</c>: vocabulary codes, milliseconds), never
/// the HTTP view, and read without the request rules. A rule made stricter for requests therefore never makes a
/// stored licence unreadable. Rows written before the codec existed hold the view's JSON (no <c>v</c>): they are
/// read as version 0, also without the request rules.
/// </summary>
internal static class TermsCodec
{
    /// <summary>The version this codec writes.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Encode(LicenseTerms t) => JsonSerializer.Serialize(
        new StoredTerms(
            Version,
            t.Project,
            t.Description,
            t.Uses.Select(u => new StoredUse(
                Vocabulary<Modality>.Name(u.Modality),
                u.Purposes.Select(Vocabulary<Purpose>.Name).ToArray(),
                [.. u.Territories],
                [.. u.Languages],
                u.From,
                u.To,
                u.MaxMillisPerDeliverable,
                u.MaxSyntheticMillis,
                u.MaxRenders,
                u.ContentCategories.Select(Vocabulary<ContentCategory>.Name).ToArray(),
                u.Derivation is { } d ? Vocabulary<Derivation>.Name(d) : null,
                u.Realtime)).ToArray(),
            EncodeCompensation(t.Compensation),
            t.Retention is { } r ? (long)r.TotalMilliseconds : null),
        Options);

    /// <summary>Reads stored terms of any version; throws <see cref="InvalidDataException"/> only for a corrupt row.</summary>
    public static LicenseTerms Decode(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var version = doc.RootElement.TryGetProperty("v", out var v) ? v.GetInt32() : 0;
        return version switch
        {
            1 => Decode(doc.RootElement.Deserialize<StoredTerms>(Options) ?? throw Corrupt()),
            0 => DecodeVersion0(doc.RootElement.Deserialize<Version0Terms>(Options) ?? throw Corrupt()),
            _ => throw new InvalidDataException($"Stored licence terms of version {version} are newer than this program."),
        };
    }

    private static StoredCompensation? EncodeCompensation(Compensation c) =>
        c.Currency is null
            ? null
            : new StoredCompensation(
                Money(c.PerRender), Money(c.PerSecond), Money(c.MinimumGuarantee), c.Multipliers.RealtimeFactorBps,
                c.Multipliers.Purposes.Select(p => new StoredFactor(Vocabulary<Purpose>.Name(p.Purpose), p.FactorBps)).ToArray(),
                c.Multipliers.Territories.Select(x => new StoredFactor(x.Territory, x.FactorBps)).ToArray());

    private static StoredMoney? Money(Money? m) => m is null ? null : new StoredMoney(m.Currency, m.Minor);

    private static LicenseTerms Decode(StoredTerms t) => new(
        t.Project,
        t.Description,
        t.Uses.Select(u => new LicenseUse(
            Code<Modality>(u.Modality), u.Purposes.Select(Code<Purpose>).ToArray(), u.Territories, u.Languages, u.From, u.To,
            u.MaxMsPerDeliverable, u.MaxSyntheticMs, u.MaxRenders, (u.ContentCategories ?? []).Select(Code<ContentCategory>).ToArray(),
            u.Derivation is null ? null : Code<Derivation>(u.Derivation), u.Realtime)).ToArray(),
        DecodeCompensation(t.Compensation?.PerRender, t.Compensation?.PerSecond, t.Compensation?.MinimumGuarantee, t.Compensation?.RealtimeFactorBps,
            t.Compensation?.PurposeFactors, t.Compensation?.TerritoryFactors))
    {
        Retention = t.RetentionMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
    };

    private static LicenseTerms DecodeVersion0(Version0Terms t) => new(
        t.Project,
        t.Description,
        t.Uses.Select(u => new LicenseUse(
            Code<Modality>(u.Modality), u.Purposes.Select(Code<Purpose>).ToArray(), u.Territories.Select(x => x.ToUpperInvariant()).ToArray(), u.Languages,
            u.From.ToUniversalTime(), u.To.ToUniversalTime(), Millis(u.MaxSecondsPerDeliverable), Millis(u.MaxSyntheticSeconds), u.MaxRenders,
            (u.ContentCategories ?? []).Select(Code<ContentCategory>).ToArray(), u.Derivation is null ? null : Code<Derivation>(u.Derivation), u.Realtime ?? false)).ToArray(),
        DecodeCompensation(t.Compensation?.PerRender, t.Compensation?.PerSecond, t.Compensation?.MinimumGuarantee, t.Compensation?.RealtimeFactorBps,
            t.Compensation?.PurposeFactors?.Select(p => new StoredFactor(p.Purpose, p.FactorBps)).ToArray(),
            t.Compensation?.TerritoryFactors?.Select(p => new StoredFactor(p.Territory, p.FactorBps)).ToArray()));

    private static Compensation DecodeCompensation(StoredMoney? perRender, StoredMoney? perSecond, StoredMoney? minimum, int? realtime, StoredFactor[]? purposes, StoredFactor[]? territories) =>
        new(Money(perRender), Money(perSecond), Money(minimum))
        {
            Multipliers = new Multipliers(
                realtime,
                (purposes ?? []).Select(p => new PurposeFactor(Code<Purpose>(p.Code), p.FactorBps)).ToArray(),
                (territories ?? []).Select(p => new TerritoryFactor(p.Code, p.FactorBps)).ToArray()),
        };

    private static Money? Money(StoredMoney? m) => m is null ? null : new Money(m.Currency, m.Minor);

    // Version 0 stored seconds as decimals with at most three places: exact in milliseconds.
    private static long? Millis(decimal? seconds) => seconds is { } s ? (long)(s * 1000m) : null;

    private static T Code<T>(string name)
        where T : struct, Enum =>
        Vocabulary<T>.TryParse(name, out var v) ? v : throw new InvalidDataException($"Unknown stored code '{name}'.");

    private static InvalidDataException Corrupt() => new("Stored licence terms are empty.");

    // RetentionMs came after version 1 was first written: absent, the terms set no retention.
    private sealed record StoredTerms(int V, string Project, string Description, StoredUse[] Uses, StoredCompensation? Compensation, long? RetentionMs = null);

    private sealed record StoredUse(
        string Modality, string[] Purposes, string[] Territories, string[] Languages, DateTimeOffset From, DateTimeOffset To,
        long? MaxMsPerDeliverable, long? MaxSyntheticMs, long? MaxRenders, string[]? ContentCategories, string? Derivation, bool Realtime);

    private sealed record StoredCompensation(
        StoredMoney? PerRender, StoredMoney? PerSecond, StoredMoney? MinimumGuarantee, int? RealtimeFactorBps, StoredFactor[]? PurposeFactors, StoredFactor[]? TerritoryFactors);

    private sealed record StoredMoney(string Currency, long Minor);

    /// <summary>A multiplier: a purpose code or a territory, and basis points.</summary>
    private sealed record StoredFactor(string Code, int FactorBps);

    private sealed record Version0Terms(string Project, string Description, Version0Use[] Uses, Version0Compensation? Compensation);

    private sealed record Version0Use(
        string Modality, string[] Purposes, string[] Territories, string[] Languages, DateTimeOffset From, DateTimeOffset To,
        decimal? MaxSecondsPerDeliverable, decimal? MaxSyntheticSeconds, long? MaxRenders, string[]? ContentCategories, string? Derivation, bool? Realtime);

    private sealed record Version0Compensation(
        StoredMoney? PerRender, StoredMoney? PerSecond, StoredMoney? MinimumGuarantee, int? RealtimeFactorBps, Version0Purpose[]? PurposeFactors, Version0Territory[]? TerritoryFactors);

    private sealed record Version0Purpose(string Purpose, int FactorBps);

    private sealed record Version0Territory(string Territory, int FactorBps);
}
