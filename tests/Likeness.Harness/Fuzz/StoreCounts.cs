using Likeness.Application.Ports;
using Likeness.Storage.Relational;

namespace Likeness.Tests.Support.Fuzz;

/// <summary>
/// What a refused request must leave as it was, read below the API: the ledger's length, the change feed, and the row
/// count of every main table (not webhook deliveries: the outbox is fanned out into them in the background).
/// </summary>
public static class StoreCounts
{
    private static readonly string[] Tables =
    [
        "parties", "assets", "consent_versions", "license_requests", "licenses", "license_budgets", "renders", "splits", "rate_tables",
        "closed_periods", "changes", "idempotency", "ledger_entries", "webhook_endpoints", "webhook_events",
    ];

    /// <summary>One line naming every count, so two readings compare as strings and a difference shows what moved.</summary>
    public static Task<string> ReadAsync(IStore store) => store.ReadAsync(s =>
    {
        var raw = (IRelationalSession)s;
        return $"ledger {s.LedgerEntryCount()} change {s.LatestChange()} " + string.Join(" ", Tables.Select(t => $"{t} {raw.CountRows(t)}"));
    });
}
