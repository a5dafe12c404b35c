using System.Text.Json;
using System.Text.Json.Serialization;
using Likeness.Application.Vault;

namespace Likeness.Storage.Relational.Codecs;

/// <summary>
/// A lineage as the store keeps it: its own versioned JSON (<c>{"v":1,…}</c>), never the HTTP view, so a stricter
/// request rule never makes a stored lineage unreadable.
/// </summary>
internal static class LineageCodec
{
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Encode(IReadOnlyList<LineageSource> sources, IReadOnlyList<string> derivedFrom) =>
        JsonSerializer.Serialize(new Stored(1, [.. sources.Select(s => new StoredSource(s.Kind, s.Name, s.Sha256, s.CapturedAt.UtcTicks, s.ConsentVersion))], [.. derivedFrom]), Options);

    public static (LineageSource[] Sources, string[] DerivedFrom) Decode(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Options) ?? throw new InvalidDataException("A stored lineage is empty.");
        return stored.V == 1
            ? ([.. stored.S.Select(s => new LineageSource(s.K, s.N, s.H, new DateTimeOffset(s.At, TimeSpan.Zero), s.C))], stored.D)
            : throw new InvalidDataException($"A stored lineage of version {stored.V} is not known here.");
    }

    private sealed record Stored([property: JsonPropertyName("v")] int V, [property: JsonPropertyName("s")] StoredSource[] S, [property: JsonPropertyName("d")] string[] D);

    private sealed record StoredSource(
        [property: JsonPropertyName("k")] string K, [property: JsonPropertyName("n")] string N, [property: JsonPropertyName("h")] string H,
        [property: JsonPropertyName("at")] long At, [property: JsonPropertyName("c")] int? C);
}
