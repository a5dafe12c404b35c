using Likeness.Application;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Likeness.Server.Operations;

/// <summary>The store answers: one single-statement read through the store port (the change feed's head, an index's end).</summary>
public sealed class StoreHealthCheck(LikenessCore core) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await core.Store.LookupAsync(s => s.LatestChange(), cancellationToken);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // Whatever the store throws, it did not answer; the report keeps the exception for the log.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The store did not answer a read.", e);
        }
    }
}
