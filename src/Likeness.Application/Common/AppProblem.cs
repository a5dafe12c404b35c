namespace Likeness.Application.Common;

/// <summary>
/// A failure a client caused or can act on, with the HTTP status it maps to, a stable code, and the field
/// it concerns. Never used for bugs.
/// </summary>
public sealed class AppProblem : Exception
{
    public AppProblem(int status, string code, string message, string? field = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Field = field;
        Extensions = extensions;
    }

    public AppProblem()
        : this(400, "invalid", "Invalid request.")
    {
    }

    public AppProblem(string message)
        : this(400, "invalid", message)
    {
    }

    public AppProblem(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 400;
        Code = "invalid";
    }

    public int Status { get; }

    public string Code { get; }

    public string? Field { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The problem as a value.</summary>
    public Problem ToProblem() => new(Status, Code, Message, Field, Extensions);

    public static AppProblem BadRequest(string code, string message, string? field = null) => new(400, code, message, field);

    public static AppProblem NotFound(string what) => new(404, "not_found", $"No {what} with this id is visible to the caller.");

    public static AppProblem Forbidden(string message = "This key may not do that.") => new(403, "forbidden", message);

    public static AppProblem Conflict(string code, string message) => new(409, code, message);
}
