namespace Likeness.Application.Common;

/// <summary>
/// An answer refusing a request, as RFC 9457 problem details: the HTTP status, a stable code, a message, the field it
/// concerns, and members of its own (a denied render's decision and reasons). A value: an expected refusal is returned
/// (<see cref="Outcome.Refused"/>); <see cref="AppProblem"/> throws one where unwinding is simpler.
/// </summary>
public sealed record Problem(int Status, string Code, string Message, string? Field = null, IReadOnlyDictionary<string, object?>? Extensions = null);
