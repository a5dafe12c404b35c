namespace Likeness.Application.Common;

/// <summary>
/// The answer to a mutating request: a status and the JSON body, exactly as a retry will get it again. A view's
/// body is serialized (to UTF-8) the first time it is asked for: inside the transaction when an idempotency record
/// stores it, otherwise after the commit, on the request's thread, when it is sent, so the one writer never
/// serializes an answer nobody will replay. Text is made only when asked for (an idempotency record).
/// </summary>
public sealed class Outcome : IEquatable<Outcome>
{
    private Func<byte[]>? _serialize;
    private string? _body;
    private byte[]? _utf8;
    private readonly Outcome? _replay;

    public Outcome(int status, string body)
    {
        Status = status;
        _body = body;
    }

    private Outcome(int status, Func<byte[]> serialize)
    {
        Status = status;
        _serialize = serialize;
    }

    private Outcome(int status, Func<byte[]> serialize, Outcome replay)
        : this(status, serialize)
    {
        _replay = replay;
    }

    private Outcome(Problem refusal)
    {
        Status = refusal.Status;
        Refusal = refusal;
        _body = "";
    }

    public int Status { get; }

    /// <summary>
    /// What a retry under the same Idempotency-Key gets, and so what is recorded: this answer, except for an answer that
    /// carries a secret, whose replay says the secret was shown once instead of showing it again.
    /// </summary>
    public Outcome ForReplay => _replay ?? this;

    /// <summary>The problem this answer refuses with (answered as problem details, never recorded for a retry), or null.</summary>
    public Problem? Refusal { get; }

    /// <summary>The body as text.</summary>
    public string Body => _body ??= System.Text.Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>The body as UTF-8, as it is sent.</summary>
    // INVARIANT: read by one thread at a time (the writer, then the request after the commit completes its task).
    public ReadOnlyMemory<byte> Utf8
    {
        get
        {
            if (_utf8 is null)
            {
                _utf8 = _serialize is { } serialize ? serialize() : System.Text.Encoding.UTF8.GetBytes(_body!);
                _serialize = null;
            }

            return _utf8;
        }
    }

    /// <summary>An answer carrying <paramref name="view"/> (an immutable view), serialized when first needed.</summary>
    public static Outcome Of<T>(int status, T view) => new(status, () => Json.SerializeToUtf8(view));

    public static Outcome Created<T>(T view) => Of(201, view);

    public static Outcome Ok<T>(T view) => Of(200, view);

    /// <summary>
    /// A 201 that shows a secret once: <paramref name="withSecret"/> is sent, <paramref name="withoutSecret"/> is what the
    /// idempotency record keeps and a retry gets. The secret itself is never stored.
    /// </summary>
    public static Outcome CreatedWithSecret<T>(T withSecret, T withoutSecret) =>
        new(201, () => Json.SerializeToUtf8(withSecret), Created(withoutSecret));

    /// <summary>A 200 that shows a secret once (a rotated secret), recorded for a retry without it, as <see cref="CreatedWithSecret"/>.</summary>
    public static Outcome OkWithSecret<T>(T withSecret, T withoutSecret) =>
        new(200, () => Json.SerializeToUtf8(withSecret), Ok(withoutSecret));

    /// <summary>An expected refusal, returned rather than thrown (a denied render is the gateway's routine answer).</summary>
    public static Outcome Refused(Problem problem) => new(problem);

    public bool Equals(Outcome? other) => other is not null && other.Status == Status && other.Body == Body && other.Refusal == Refusal;

    public override bool Equals(object? obj) => Equals(obj as Outcome);

    public override int GetHashCode() => HashCode.Combine(Status, Body, Refusal);
}
