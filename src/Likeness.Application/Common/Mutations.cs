using Likeness.Application.Ports;

namespace Likeness.Application.Common;

/// <summary>Runs mutations so that a retry under the same key gets the first answer and changes nothing.</summary>
public sealed class Mutations(IStore store, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction together with the idempotency record, so that either both
    /// the change and its recorded answer exist or neither does. The key is looked up first, inside the transaction (the
    /// store reads the keys of a batch's commands together, once): a retry gets the first answer, and two concurrent
    /// first tries make one change. A refusal (<see cref="Outcome.Refused"/>) is not recorded: a retry is decided again.
    /// </summary>
    public Task<Outcome> WriteAsync(string scope, IdempotentRequest? idem, Func<IStoreSession, Outcome> work, CancellationToken ct = default) =>
        store.WriteAsync(
            s =>
            {
                if (idem is not null && s.GetIdempotency(scope, idem.Key) is { } prior)
                {
                    return Replay(prior, idem);
                }

                var outcome = work(s);
                if (idem is not null && outcome.Refusal is null)
                {
                    s.InsertIdempotency(new IdempotencyRecord(scope, idem.Key, idem.RequestHash, outcome.Status, outcome.Body, clock.GetUtcNow()));
                }

                return outcome;
            },
            idem is null ? null : new IdempotencyKey(scope, idem.Key),
            ct);

    /// <summary>
    /// For a refusal decided outside the writer: a retry of a request answered earlier under this key gets that first
    /// answer (a different request under the key is a 409); anything else gets <paramref name="refusal"/>.
    /// </summary>
    public async Task<Outcome> RefuseAsync(string scope, IdempotentRequest? idem, Problem refusal, CancellationToken ct = default)
    {
        var previous = idem is null ? null : await store.LookupAsync(s => s.GetIdempotency(scope, idem.Key), ct);
        return previous is null ? Outcome.Refused(refusal) : Replay(previous, idem!);
    }

    private static Outcome Replay(IdempotencyRecord previous, IdempotentRequest idem) =>
        previous.RequestHash == idem.RequestHash
            ? new Outcome(previous.Status, previous.Body)
            : throw AppProblem.Conflict("idempotency_key_reused", "This Idempotency-Key was used with a different request.");
}
