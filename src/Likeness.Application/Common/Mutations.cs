using Likeness.Application.Ports;

namespace Likeness.Application.Common;

/// <summary>Runs mutations so that a retry under the same key gets the first answer and changes nothing.</summary>
public sealed class Mutations(IStore store, TimeProvider clock, TimeSpan retention)
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
                    if (!Expired(prior))
                    {
                        return Replay(prior, idem);
                    }

                    s.DeleteIdempotency(scope, idem.Key);
                }

                var outcome = work(s);
                if (idem is not null && outcome.Refusal is null)
                {
                    var replay = outcome.ForReplay;
                    s.InsertIdempotency(new IdempotencyRecord(scope, idem.Key, idem.RequestHash, replay.Status, replay.Body, clock.GetUtcNow()));
                }

                return outcome;
            },
            idem is null ? null : new IdempotencyKey(scope, idem.Key),
            ct);

    /// <summary>
    /// For a refusal decided outside the writer: a retry of a request answered earlier under this key gets that first
    /// answer (a different request under the key is a 409); anything else gets <paramref name="refusal"/>.
    /// </summary>
    public Task<Outcome> RefuseAsync(string scope, IdempotentRequest? idem, Problem refusal, CancellationToken ct = default) =>
        idem is null ? Task.FromResult(Outcome.Refused(refusal)) : RefuseOrReplayAsync(scope, idem, refusal, ct);

    private async Task<Outcome> RefuseOrReplayAsync(string scope, IdempotentRequest idem, Problem refusal, CancellationToken ct)
    {
        var previous = await store.LookupAsync(s => s.GetIdempotency(scope, idem.Key), ct);
        return previous is null || Expired(previous) ? Outcome.Refused(refusal) : Replay(previous, idem);
    }

    /// <summary>Forgets the keys older than the retention (a bounded number at a time); returns how many went.</summary>
    public Task<int> ExpireKeysAsync(CancellationToken ct = default) =>
        store.WriteAsync(s => s.DeleteIdempotencyBefore(clock.GetUtcNow() - retention, 10_000), ct);

    // A key past the retention is forgotten even before the sweeper removes it, so expiry does not depend on its timing.
    private bool Expired(IdempotencyRecord record) => record.CreatedAt <= clock.GetUtcNow() - retention;

    private static Outcome Replay(IdempotencyRecord previous, IdempotentRequest idem) =>
        previous.RequestHash == idem.RequestHash
            ? new Outcome(previous.Status, previous.Body)
            : throw AppProblem.Conflict("idempotency_key_reused", "This Idempotency-Key was used with a different request.");
}
