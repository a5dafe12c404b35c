using Likeness.Application.Strikes;

namespace Likeness.Application.Ports;

/// <summary>The <c>strikes</c> table.</summary>
public interface IStrikeSession
{
    void Insert(StrikeRecord strike);

    /// <summary>Replaces the stored strike (its end and waivers change).</summary>
    void Update(StrikeRecord strike);

    StrikeRecord? Get(string id);

    /// <summary>A union's strikes, oldest first.</summary>
    IReadOnlyList<StrikeRecord> ListOfUnion(string unionId);

    /// <summary>Every strike not over at <paramref name="now"/> (in effect or still to start), oldest first.</summary>
    IReadOnlyList<StrikeRecord> ListNotOver(DateTimeOffset now);
}
