using Likeness.Application.Access;
using Likeness.Application.Contracts;
using Likeness.Application.Lists;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Parties;

/// <summary>The caller's own view: who it is and what it may do, and the performers it acts for.</summary>
public sealed class MeService(IStore store)
{
    public static MeView Me(PartyRecord caller) =>
        new(caller.Id, Vocabulary<PartyKind>.Name(caller.Kind), caller.Name, [.. caller.Represents], caller.DiedOn, Capabilities.Of(caller.Kind));

    /// <summary>
    /// The performers the caller acts for now, by id: a performer herself; a representative's living ones; an estate's
    /// dead ones; a union's members (it acts for them in a strike). Every other party acts for none.
    /// </summary>
    public Task<Page<PartyView>> PerformersAsync(PartyRecord caller, string? cursor, int? limit, CancellationToken ct = default)
    {
        var size = ListPaging.Limit(limit);
        var after = cursor is null ? null
            : ListPaging.DecodeKey(cursor) is var key && ListPaging.IsKey(key) ? key
            : throw Common.AppProblem.BadRequest("invalid_cursor", "The cursor is not one this server gave out.", "cursor");
        return store.ReadAsync(
            s =>
            {
                var ids = caller.Kind == PartyKind.Union ? caller.Represents : ListScopes.PerformersActedFor(s, caller);
                var rows = ids.Where(id => after is null || string.CompareOrdinal(id, after) > 0).Order(StringComparer.Ordinal).Take(size + 1)
                    .Select(s.GetParty).OfType<PartyRecord>().ToArray();
                var items = rows.Take(size).Select(PartyService.ToView).ToArray();
                return new Page<PartyView>(items, rows.Length > size ? ListPaging.Encode(rows[size - 1].Id) : null);
            },
            ct);
    }
}
