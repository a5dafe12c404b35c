using System.Text.Json;

namespace Likeness.Client;

/// <summary>
/// The server refused a call with an RFC 9457 problem. Each kind of problem has its own subclass (a denied render,
/// an unknown resource, a conflict, …); every one carries the problem's <see cref="Type"/>, <see cref="Code"/>,
/// <see cref="Detail"/> and <see cref="Reasons"/>.
/// </summary>
public class LikenessProblemException : Exception
{
    public LikenessProblemException(int status, ProblemDocument problem)
        : base(Describe(status, problem))
    {
        Status = status;
        Problem = problem;
    }

    public LikenessProblemException()
        : this(0, new ProblemDocument(null, null, null, null))
    {
    }

    public LikenessProblemException(string message)
        : base(message) => Problem = new ProblemDocument(null, null, null, message);

    public LikenessProblemException(string message, Exception innerException)
        : base(message, innerException) => Problem = new ProblemDocument(null, null, null, message);

    /// <summary>The HTTP status of the answer.</summary>
    public int Status { get; }

    /// <summary>The problem as the server wrote it.</summary>
    public ProblemDocument Problem { get; }

    /// <summary>The problem type URI (<c>/problems/&lt;code&gt;</c>).</summary>
    public string? Type => Problem.Type;

    /// <summary>The stable code scripts rely on (<c>license_not_found</c>, <c>conflict</c>, …).</summary>
    public string? Code => Problem.Code;

    /// <summary>What went wrong, for a person.</summary>
    public string? Detail => Problem.Detail;

    /// <summary>The request field at fault, when one is.</summary>
    public string? Field => Problem.Field;

    /// <summary>Every reason of a denial (code, message, rule); empty otherwise.</summary>
    public IReadOnlyList<Reason> Reasons => Problem.Reasons ?? [];

    /// <summary>The typed exception for an answer that is not 2xx.</summary>
    public static LikenessProblemException From(int status, ReadOnlySpan<byte> body)
    {
        var problem = Parse(body) ?? new ProblemDocument(null, null, status, body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body));
        return problem.Decision == "deny" ? new LikenessRenderDeniedException(status, problem)
            : status switch
            {
                400 or 422 => new LikenessInvalidRequestException(status, problem),
                401 or 403 => new LikenessAccessDeniedException(status, problem),
                404 => new LikenessNotFoundException(status, problem),
                409 => new LikenessConflictException(status, problem),
                429 => new LikenessRateLimitedException(status, problem),
                _ when status >= 500 => new LikenessServerException(status, problem),
                _ => new LikenessProblemException(status, problem),
            };
    }

    private static ProblemDocument? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, ClientJson.Default.ProblemDocument);
        }
        catch (JsonException)
        {
            return null; // Not a problem document (a proxy's page): the text is kept as the detail.
        }
    }

    private static string Describe(int status, ProblemDocument p) =>
        p.Reasons is { Length: > 0 } reasons
            ? $"{p.Decision ?? p.Code}: " + string.Join("; ", reasons.Select(r => $"{r.Code} ({r.Rule}): {r.Message.TrimEnd('.')}"))
            : $"{p.Code ?? $"HTTP {status}"}: {p.Detail ?? p.Title}" + (p.Field is { } f ? $" (field {f})" : "");
}

/// <summary>A render the licence or the performer's consent refuses (403, <c>decision: deny</c>); <see cref="LikenessProblemException.Reasons"/> says every why.</summary>
public sealed class LikenessRenderDeniedException(int status, ProblemDocument problem) : LikenessProblemException(status, problem);

/// <summary>A request the server could not accept as written (400): <see cref="LikenessProblemException.Field"/> names where.</summary>
public sealed class LikenessInvalidRequestException(int status, ProblemDocument problem) : LikenessProblemException(status, problem);

/// <summary>No valid key (401), or the key's party may not do this (403).</summary>
public sealed class LikenessAccessDeniedException(int status, ProblemDocument problem) : LikenessProblemException(status, problem);

/// <summary>No such resource, or one the caller may not know exists (404).</summary>
public sealed class LikenessNotFoundException(int status, ProblemDocument problem) : LikenessProblemException(status, problem);

/// <summary>The resource is not in a state that allows this (409): a render already settled, an Idempotency-Key reused with another body.</summary>
public sealed class LikenessConflictException(int status, ProblemDocument problem) : LikenessProblemException(status, problem);

/// <summary>Too many requests (429), still so after the retries.</summary>
public sealed class LikenessRateLimitedException(int status, ProblemDocument problem) : LikenessProblemException(status, problem);

/// <summary>The server failed or cannot serve now (5xx), still so after the retries.</summary>
public sealed class LikenessServerException(int status, ProblemDocument problem) : LikenessProblemException(status, problem);

/// <summary>A render the performer side rejected, or whose approval lapsed, while the pipeline waited (<see cref="Render"/> says which).</summary>
public sealed class LikenessRenderNotApprovedException(Render render)
    : LikenessProblemException(403, new ProblemDocument(null, "render not approved", 403, $"Render {render.RenderId} is {render.Status}, not authorized.", "render_" + render.Status, null, "deny", render.Reasons))
{
    /// <summary>The render as it ended.</summary>
    public Render Render { get; } = render;
}

/// <summary>The server could not be reached, or did not answer in time, after the retries.</summary>
public sealed class LikenessUnreachableException : Exception
{
    public LikenessUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LikenessUnreachableException()
    {
    }

    public LikenessUnreachableException(string message)
        : base(message)
    {
    }
}
