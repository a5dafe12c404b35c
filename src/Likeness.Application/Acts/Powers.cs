namespace Likeness.Application.Acts;

/// <summary>What a performer may grant a representative, one act at a time (docs/SECURITY.md, "Who may act for a performer").</summary>
public enum Power
{
    /// <summary>Write her consent; suspend, resume and revoke her licences.</summary>
    Consent,

    /// <summary>Approve a licence request.</summary>
    Approve,

    /// <summary>Counter a licence request.</summary>
    Counter,

    /// <summary>Veto a licence request.</summary>
    Veto,

    /// <summary>Approve or reject a render waiting for her per-instance approval.</summary>
    Renders,

    /// <summary>Set how her royalties are split.</summary>
    Statements,
}

/// <summary>The role a performer names a representative in.</summary>
public enum RepresentativeRole { Agent, Manager }
