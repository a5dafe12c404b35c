namespace Likeness.Domain.Policy;

/// <summary>
/// Constraint left operands: ODRL's names where ODRL has one, likeness-specific ones otherwise. <see cref="Role"/> is
/// the performer's role in the render (a single render's performer is its <c>likeness</c>).
/// </summary>
public enum LeftOperand
{
    Purpose, Spatial, Language, DateTime, ElapsedTime, MeteredTime, Count,
    Modality, ContentCategory, Derivation, AgeModification, Realtime, Role,
}

/// <summary>ODRL 2.2 constraint operators.</summary>
public enum ConstraintOperator { Eq, Neq, Lt, Lteq, Gt, Gteq, IsAnyOf, IsNoneOf, IsAllOf, IsA }

/// <summary>ODRL duty actions Likeness understands.</summary>
public enum DutyAction
{
    /// <summary>Per-instance approval by the performer side before the render is permitted.</summary>
    ObtainConsent,

    /// <summary>Notify a party (by default the performer's union) of the render.</summary>
    Inform,

    /// <summary>Credit the performer in the output.</summary>
    Attribute,

    /// <summary>Pay what the licence says.</summary>
    Compensate,

    /// <summary>Label the output as synthetic (C2PA manifest and watermark).</summary>
    Label,
}
