using Likeness.Application.Access;
using Likeness.Application.Model;
using Likeness.Domain.Common;

namespace Likeness.Application.Webhooks;

/// <summary>
/// Who an event concerns: the performer side of <see cref="PerformerId"/> (the performer while she lives, her
/// representatives, her estate after her death, as <see cref="AccessRules.IsPerformerSide"/> says at delivery time),
/// the parties named in <see cref="Parties"/> (a studio), the performer's unions when <see cref="Unions"/>, or every
/// subscriber when <see cref="Everyone"/> (a closed statement, public in the ledger already).
/// </summary>
public sealed record WebhookAudience(string? PerformerId, IReadOnlyList<string> Parties, bool Unions = false, bool Everyone = false)
{
    /// <summary>The performer side of <paramref name="performerId"/>, and <paramref name="parties"/>.</summary>
    public static WebhookAudience Of(string performerId, params string[] parties) => new(performerId, parties);

    /// <summary>Whether <paramref name="party"/> is in the audience; <paramref name="performer"/> is the record of <see cref="PerformerId"/>.</summary>
    public bool Reaches(PartyRecord party, PartyRecord? performer) =>
        Everyone
        || Parties.Contains(party.Id)
        || (performer is not null && AccessRules.IsPerformerSide(party, performer))
        || (Unions && PerformerId is not null && party.Kind == PartyKind.Union && party.Represents.Contains(PerformerId));
}
