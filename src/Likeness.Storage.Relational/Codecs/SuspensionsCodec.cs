using System.Text.Json;
using Likeness.Domain.Licensing;

namespace Likeness.Storage.Relational.Codecs;

/// <summary>
/// A licence's suspensions as stored in <c>licenses.suspensions</c>: a JSON array of <c>{"owner","strike","from","to"}</c>
/// (Unix milliseconds; <c>to</c> absent while open-ended), or NULL when there are none, so a licence without any costs
/// nothing to read.
/// </summary>
internal static class SuspensionsCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? Encode(IReadOnlyList<Suspension> suspensions) =>
        suspensions.Count == 0
            ? null
            : JsonSerializer.Serialize(
                suspensions.Select(s => new Stored(s.Owner, s.Strike, s.FromMillis, s.ToMillis == long.MaxValue ? null : s.ToMillis)).ToArray(), Options);

    public static IReadOnlyList<Suspension>? Decode(string? text) =>
        text is null
            ? null
            : [.. (JsonSerializer.Deserialize<Stored[]>(text, Options) ?? []).Select(s => new Suspension(s.Owner, s.Strike, s.From, s.To ?? long.MaxValue))];

    private sealed record Stored(string Owner, string? Strike, long From, long? To);
}
