using Likeness.Application.Ports;

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

    public int Status { get; }

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

    public bool Equals(Outcome? other) => other is not null && other.Status == Status && other.Body == Body;

    public override bool Equals(object? obj) => Equals(obj as Outcome);

    public override int GetHashCode() => HashCode.Combine(Status, Body);
}

/// <summary>An <c>Idempotency-Key</c> and the hash of the request it came with.</summary>
public sealed record IdempotencyKey(string Key, string RequestHash)
{
    /// <summary>Validates a client's key: 1 to 200 visible ASCII characters.</summary>
    public static IdempotencyKey? From(string? key, string requestHash)
    {
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > 200 || key.Any(c => c is < '!' or > '~'))
        {
            throw AppProblem.BadRequest("invalid_idempotency_key", "Idempotency-Key is 1 to 200 visible ASCII characters.", "Idempotency-Key");
        }

        return new IdempotencyKey(key, requestHash);
    }
}

/// <summary>Runs mutations so that a retry under the same key gets the first answer and changes nothing.</summary>
public sealed class Mutations(IStore store, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction together with the idempotency record, so that
    /// either both the change and its recorded answer exist or neither does. The key is looked up inside the
    /// transaction, before the work: a retry gets the first answer, and two concurrent first tries one change.
    /// </summary>
    public Task<Outcome> RunAsync(string scope, IdempotencyKey? idem, Func<IStoreSession, Outcome> work, CancellationToken ct = default) =>
        WriteAsync(scope, idem, work, ct);

    /// <summary>
    /// The write transaction of <see cref="RunAsync"/>: the key is looked up first (the store reads the keys of a
    /// batch's commands together, once), and the answer is recorded with the change.
    /// </summary>
    public Task<Outcome> WriteAsync(string scope, IdempotencyKey? idem, Func<IStoreSession, Outcome> work, CancellationToken ct = default) =>
        store.WriteAsync(
            s =>
            {
                if (idem is not null && s.GetIdempotency(scope, idem.Key) is { } prior)
                {
                    return Replay(prior, idem);
                }

                var outcome = work(s);
                if (idem is not null)
                {
                    s.InsertIdempotency(new IdempotencyRecord(scope, idem.Key, idem.RequestHash, outcome.Status, outcome.Body, clock.GetUtcNow()));
                }

                return outcome;
            },
            idem is null ? null : new StoreKey(scope, idem.Key),
            ct);

    /// <summary>
    /// For a refusal decided outside the writer: a retry of a request answered earlier under this key gets that first
    /// answer (a different request under the key is a 409); anything else gets <paramref name="refusal"/>.
    /// </summary>
    public async Task<Outcome> RefuseAsync(string scope, IdempotencyKey? idem, Exception refusal, CancellationToken ct = default)
    {
        var previous = idem is null ? null : await store.LookupAsync(s => s.GetIdempotency(scope, idem.Key), ct);
        return previous is null ? throw refusal : Replay(previous, idem!);
    }

    private static Outcome Replay(IdempotencyRecord previous, IdempotencyKey idem) =>
        previous.RequestHash == idem.RequestHash
            ? new Outcome(previous.Status, previous.Body)
            : throw AppProblem.Conflict("idempotency_key_reused", "This Idempotency-Key was used with a different request.");
}
