using System.Globalization;
using System.Text;
using Likeness.Application.Common;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Lists;

/// <summary>
/// What every list shares: its page size (<c>limit</c>, 1 to 100, 50 when absent), its opaque cursor (the keyset of the
/// last item of a page, as the usage list writes it), and its filters' codes. A value the list cannot read is a 400
/// naming the query parameter.
/// </summary>
public static class ListPaging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The page size asked for, or the default.</summary>
    public static int Limit(int? limit, int max = MaxLimit, int fallback = DefaultLimit) =>
        (limit ?? fallback) is var size && size >= 1 && size <= max
            ? size
            : throw AppProblem.BadRequest("out_of_range", $"limit is 1 to {max}.", "limit");

    /// <summary>The cursor after an item sorted by (<paramref name="at"/>, <paramref name="id"/>).</summary>
    public static string Encode(DateTimeOffset at, string id) => Encode(at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + id);

    /// <summary>The cursor after an item sorted by a key alone (a consent version, a party id).</summary>
    public static string Encode(string key) => Ids.Base64Url(Encoding.UTF8.GetBytes(key));

    /// <summary>The keyset a cursor names, or null without one.</summary>
    public static Keyset? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        var text = DecodeKey(cursor);
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) &&
               ticks <= DateTimeOffset.MaxValue.UtcTicks && IsKey(text.AsSpan(bar + 1))
            ? new Keyset(new DateTimeOffset(ticks, TimeSpan.Zero), text[(bar + 1)..])
            : throw InvalidCursor();
    }

    /// <summary>The key a cursor of <see cref="Encode(string)"/> holds (an id, a version, or a time and an id).</summary>
    public static string DecodeKey(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
            return text.Length is > 0 and <= 200 && text.All(c => c == '|' || IsKeyChar(c)) ? text : throw InvalidCursor();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw InvalidCursor();
        }
    }

    /// <summary>A filter's code (<c>?status=pending</c>), or null when absent; a code the vocabulary lacks is a 400 naming <paramref name="parameter"/>.</summary>
    public static T? Code<T>(string? text, string parameter)
        where T : struct, Enum =>
        text is null ? null
            : Vocabulary<T>.TryParse(text, out var value) ? value
            : throw AppProblem.BadRequest("invalid_query", $"'{parameter}' is one of {string.Join(", ", Vocabulary<T>.AllNames)}.", parameter);

    /// <summary>A filter naming an id (<c>?performer=</c>): null when absent; empty is a 400 naming it.</summary>
    public static string? IdFilter(string? text, string parameter) =>
        text is null ? null : text.Length is > 0 and <= 100 ? text : throw AppProblem.BadRequest("invalid_query", $"'{parameter}' is an id.", parameter);

    /// <summary>Whether <paramref name="key"/> could be an id or a version this server wrote: letters, digits and underscores.</summary>
    public static bool IsKey(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
        {
            if (!IsKeyChar(c))
            {
                return false;
            }
        }

        return key.Length > 0;
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static AppProblem InvalidCursor() => AppProblem.BadRequest("invalid_cursor", "The cursor is not one this server gave out.", "cursor");
}
