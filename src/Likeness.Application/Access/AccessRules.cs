using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Domain.Common;

namespace Likeness.Application.Access;

/// <summary>
/// Who may act for whom. The performer side is the living performer, its representatives while it lives, and
/// its estate after its death. A union may suspend and resume its members' licences (a strike). A studio sees
/// only its own requests, licences, renders and usage. The operator administers parties, not consent.
/// </summary>
public static class AccessRules
{
    public static bool IsPerformerSide(PartyRecord caller, PartyRecord performer)
    {
        if (performer.Kind != PartyKind.Performer)
        {
            return false;
        }

        var dead = performer.DiedOn is not null;
        return caller.Kind switch
        {
            PartyKind.Performer => caller.Id == performer.Id && !dead,
            PartyKind.Representative => !dead && caller.Represents.Contains(performer.Id),
            PartyKind.Estate => dead && caller.Represents.Contains(performer.Id),
            _ => false,
        };
    }

    /// <summary>True for the estate named for a performer, alive or not (it may prepare before death).</summary>
    public static bool IsEstateOf(PartyRecord caller, string performerId) =>
        caller.Kind == PartyKind.Estate && caller.Represents.Contains(performerId);

    public static bool IsUnionOf(PartyRecord caller, string performerId) =>
        caller.Kind == PartyKind.Union && caller.Represents.Contains(performerId);

    /// <summary>Fails with 404 unless the caller is on the performer side (existence must not leak to strangers).</summary>
    public static void RequirePerformerSide(PartyRecord caller, PartyRecord? performer)
    {
        if (performer is null || !IsPerformerSide(caller, performer))
        {
            throw performer is not null && caller.Kind == PartyKind.Operator
                ? AppProblem.Forbidden("The operator administers parties; only the performer side acts on consent and licences.")
                : AppProblem.NotFound("performer");
        }
    }

    public static void RequireKind(PartyRecord caller, PartyKind kind)
    {
        if (caller.Kind != kind)
        {
            throw AppProblem.Forbidden($"Only a {Vocabulary<PartyKind>.Name(kind)} key may do this.");
        }
    }
}
