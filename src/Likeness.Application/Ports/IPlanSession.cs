using Likeness.Application.Planning;

namespace Likeness.Application.Ports;

/// <summary>The <c>plans</c> and <c>plan_versions</c> tables.</summary>
public interface IPlanSession
{
    void Insert(PlanRecord plan);

    /// <summary>Moves the plan's latest version and its update time.</summary>
    void Update(PlanRecord plan);

    PlanRecord? Get(string id);

    void InsertVersion(PlanVersionRecord version);

    PlanVersionRecord? GetVersion(string planId, int version);
}
