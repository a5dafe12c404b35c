using System.Text.Json;

namespace Likeness.Domain.Planning;

/// <summary>
/// A cast list: a JSON object from character name to performer id, or to null for a character cast to no performer
/// (<c>{"KATE": "prf_…", "WAITER": null}</c>). Names are compared as <see cref="Breakdowner.Normalize"/> makes them.
/// </summary>
public static class CastList
{
    /// <summary>The most characters a cast list may name.</summary>
    public const int MaxCharacters = 2_000;

    /// <summary>The cast, or why it was refused.</summary>
    public static (IReadOnlyDictionary<string, string?>? Cast, string? Error) Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return (null, "the cast is a JSON object from character name to performer id (or null)");
        }

        var cast = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in json.EnumerateObject())
        {
            var name = Breakdowner.Normalize(p.Name);
            if (name.Length == 0 || name.Length > 100)
            {
                return (null, $"cast: \"{p.Name}\" is not a character name (1 to 100 characters)");
            }

            if (p.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, $"cast: {name} must map to a performer id or null");
            }

            if (!cast.TryAdd(name, p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetString()))
            {
                return (null, $"cast: {name} is named twice");
            }

            if (cast.Count > MaxCharacters)
            {
                return (null, $"cast: more than {MaxCharacters} characters");
            }
        }

        return (cast, null);
    }
}
