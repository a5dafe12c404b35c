using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Access;

/// <summary>
/// What a list shows its caller: the rows the single-item reads would show it, and no others (docs/ACCESS.md, "Lists").
/// A studio sees its own requests, licences and renders; the performer side those of the performers it acts for; a
/// union its members' licences (their scope); an auditor every licence. A filter narrows what the caller may see and
/// never widens it: filtering on someone else's studio or performer finds nothing, as if there were nothing.
/// </summary>
public static class ListScopes
{
    /// <summary>The performers <paramref name="caller"/> is on the side of now: herself; a representative's living ones; an estate's dead ones.</summary>
    public static IReadOnlyList<string> PerformersActedFor(IStoreSession s, PartyRecord caller) => caller.Kind switch
    {
        PartyKind.Performer => [caller.Id],
        PartyKind.Representative or PartyKind.Estate =>
            caller.Represents.Where(id => s.GetParty(id) is { } p && AccessRules.IsPerformerSide(caller, p)).ToArray(),
        _ => [],
    };

    /// <summary>Licence requests and renders: a studio's own, or the performer side's.</summary>
    public static ListScope RequestsOrRenders(IStoreSession s, PartyRecord caller, string what, string? performer, string? studio) => caller.Kind switch
    {
        PartyKind.Studio => Narrow(new ListScope(caller.Id, null), performer, studio),
        PartyKind.Performer or PartyKind.Representative or PartyKind.Estate => Narrow(new ListScope(null, PerformersActedFor(s, caller)), performer, studio),
        _ => throw AppProblem.Forbidden($"Only a studio or the performer side lists {what}; a {Vocabulary<PartyKind>.Name(caller.Kind)} key does not."),
    };

    /// <summary>Licences: as requests, and also a union's members' (their scope) and, for an auditor, all.</summary>
    public static ListScope Licenses(IStoreSession s, PartyRecord caller, string? performer, string? studio) => caller.Kind switch
    {
        PartyKind.Union => Narrow(new ListScope(null, caller.Represents), performer, studio),
        PartyKind.Auditor => Narrow(ListScope.All, performer, studio),
        _ => RequestsOrRenders(s, caller, "licences", performer, studio),
    };

    /// <summary>The scope with the caller's filters applied inside it.</summary>
    private static ListScope Narrow(ListScope scope, string? performer, string? studio)
    {
        if (studio is not null)
        {
            scope = scope.StudioId is null || scope.StudioId == studio ? scope with { StudioId = studio } : Nothing;
        }

        if (performer is not null)
        {
            scope = scope.PerformerIds is null || scope.PerformerIds.Contains(performer) ? scope with { PerformerIds = [performer] } : scope with { PerformerIds = [] };
        }

        return scope;
    }

    private static readonly ListScope Nothing = new(null, []);
}
