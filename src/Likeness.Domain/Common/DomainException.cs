namespace Likeness.Domain.Common;

/// <summary>
/// Input that breaks a rule of the domain. <see cref="Field"/> names the offending field as a JSON path
/// (<c>permission[0].constraint[1].rightOperand</c>) so that the API can say exactly what is wrong.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    public DomainException()
        : this("invalid", "Invalid input.")
    {
    }

    public DomainException(string message)
        : this("invalid", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "invalid";
    }

    /// <summary>A stable, machine-readable code.</summary>
    public string Code { get; }

    /// <summary>The JSON path of the offending field, when there is one.</summary>
    public string? Field { get; }
}
