namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary>An RFC 9457 problem as the Likeness API writes it: a stable type and code, and for a denial every reason.</summary>
public sealed record ProblemDocument(
    string? Type, string? Title, int? Status, string? Detail, string? Code = null, string? Field = null, string? Decision = null, Reason[]? Reasons = null);
