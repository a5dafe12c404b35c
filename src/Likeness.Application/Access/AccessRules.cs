using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

namespace Likeness.Application.Access;

/// <summary>
/// Who may act for whom (docs/ACCESS.md has the whole table, cell by cell, with the reason for each). The performer
/// side is the living performer, its representatives while it lives, and its estate after its death. A union may
/// suspend and resume its members' licences (a strike) and sees their scope, not their pay. A studio sees only its
/// own requests, licences, renders and usage. The operator administers parties, not consent.
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

    /// <summary>
    /// Whether a party's API key still identifies it. A dead performer's key does not: whoever holds it now is not
    /// her, and her estate acts for her, so the key authenticates nobody (401 everywhere, as an unknown key).
    /// </summary>
    public static bool KeyIsValid(PartyRecord party) => !(party.Kind == PartyKind.Performer && party.DiedOn is not null);

    /// <summary>
    /// Who reads a party's record: the operator, the party itself, and a performer's side. A named estate is on the
    /// performer side only once the death is recorded; before, it is a stranger to her records.
    /// </summary>
    public static bool MaySeeParty(PartyRecord caller, PartyRecord party) =>
        caller.Kind == PartyKind.Operator || caller.Id == party.Id || IsPerformerSide(caller, party);

    /// <summary>
    /// Whether <paramref name="caller"/> sees a licence whole (its pay and its token): the performer side, the licensee
    /// studio and an auditor (who checks royalties against it). A union sees that the licence exists and its scope.
    /// </summary>
    public static bool SeesLicenceWhole(PartyRecord caller, LicenseRecord license, PartyRecord? performer) =>
        caller.Id == license.StudioId || caller.Kind == PartyKind.Auditor || (performer is not null && IsPerformerSide(caller, performer));

    /// <summary>Whether a studio holds (or held) a licence of the performer: it then sees the consent rules that bind its renders.</summary>
    public static bool HoldsLicenceOf(IStoreSession s, PartyRecord studio, string performerId) =>
        studio.Kind == PartyKind.Studio && s.ListLicensesOfPerformer(performerId).Any(l => l.StudioId == studio.Id);

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

    /// <summary>
    /// For an act on her behalf: fails unless the caller is on the performer side, telling a representative she granted
    /// nothing why (<see cref="NotOnSide"/>); a read stays <see cref="RequirePerformerSide"/>'s 404.
    /// </summary>
    public static void RequireActingSide(PartyRecord caller, PartyRecord? performer)
    {
        if (performer is null || !IsPerformerSide(caller, performer))
        {
            throw NotOnSide(caller, performer, "performer");
        }
    }

    /// <summary>
    /// The refusal of a caller that is not on <paramref name="performer"/>'s side: 403 for the operator (it administers,
    /// and knows she exists) and for a representative of a living performer who granted it nothing (it is told why: only
    /// her grant makes it her representative); 404 for anyone else, to whom her <paramref name="what"/> must not leak.
    /// </summary>
    public static AppProblem NotOnSide(PartyRecord caller, PartyRecord? performer, string what) =>
        performer is not { Kind: PartyKind.Performer } ? AppProblem.NotFound(what)
        : caller.Kind == PartyKind.Operator ? AppProblem.Forbidden("The operator administers parties; only the performer side acts on consent and licences.")
        : caller.Kind == PartyKind.Representative && performer.DiedOn is null ? Acts.ActGate.NotGranted(performer.Id)
        : AppProblem.NotFound(what);

    /// <summary>Whether the caller is the studio that made a plan: nobody else sees it, not even the operator (plans are a studio's drafts).</summary>
    public static bool OwnsPlan(PartyRecord caller, string planStudioId) => caller.Kind == PartyKind.Studio && caller.Id == planStudioId;

    public static void RequireKind(PartyRecord caller, PartyKind kind)
    {
        if (caller.Kind != kind)
        {
            throw AppProblem.Forbidden($"Only a {Vocabulary<PartyKind>.Name(kind)} key may do this.");
        }
    }
}
