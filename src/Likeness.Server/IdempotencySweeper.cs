using Likeness.Application;
using Microsoft.Extensions.Logging;

namespace Likeness.Server;

/// <summary>Forgets Idempotency-Keys past their retention (<see cref="LikenessOptions.IdempotencyRetention"/>), every minute.</summary>
public sealed class IdempotencySweeper(LikenessCore core, ILogger<IdempotencySweeper> log)
    : PeriodicService(core.Clock, TimeSpan.FromMinutes(1), log)
{
    protected override async Task TickAsync()
    {
        // Bounded batches: a backlog after a long stop is worked off without one long transaction.
        while (await core.Mutations.ExpireKeysAsync() == 10_000)
        {
        }
    }
}
