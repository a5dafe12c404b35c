using Likeness.Client.Transport;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>Royalty splits, union rate tables, statements and closed periods.</summary>
public sealed class RoyaltiesClient
{
    private readonly JsonCalls _calls;

    internal RoyaltiesClient(JsonCalls calls) => _calls = calls;

    /// <summary><c>PUT /v1/performers/{id}/splits</c> (performer side).</summary>
    public async Task<Splits> SetSplitsAsync(string performerId, SetSplits splits, CancellationToken ct = default) =>
        (await _calls.SendAsync(HttpMethod.Put, $"v1/performers/{Escape(performerId)}/splits", splits, ClientJson.Default.SetSplits, ClientJson.Default.Splits, null, ct).ConfigureAwait(false)).Value;

    /// <summary><c>GET /v1/performers/{id}/splits</c>.</summary>
    public Task<Splits> SplitsAsync(string performerId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/performers/{Escape(performerId)}/splits", ClientJson.Default.Splits, ct);

    /// <summary><c>PUT /v1/unions/{id}/rates</c> (operator).</summary>
    public async Task<RateTable> SetRatesAsync(string unionId, SetRateTable rates, CancellationToken ct = default) =>
        (await _calls.SendAsync(HttpMethod.Put, $"v1/unions/{Escape(unionId)}/rates", rates, ClientJson.Default.SetRateTable, ClientJson.Default.RateTable, null, ct).ConfigureAwait(false)).Value;

    /// <summary><c>GET /v1/unions/{id}/rates</c>.</summary>
    public Task<RateTable> RatesAsync(string unionId, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/unions/{Escape(unionId)}/rates", ClientJson.Default.RateTable, ct);

    /// <summary><c>GET /v1/statements?party=&amp;period=</c>: a payee's statement, or a studio's invoice, for a month (YYYY-MM).</summary>
    public Task<Statement> StatementAsync(string party, string period, CancellationToken ct = default) =>
        _calls.GetAsync(Query("v1/statements", ("party", party), ("period", period)), ClientJson.Default.Statement, ct);

    /// <summary><c>POST /v1/statements/close</c> (operator): freezes a month and records it in the ledger.</summary>
    public Task<ClosedPeriod> ClosePeriodAsync(string period, CancellationToken ct = default) =>
        _calls.PostAsync("v1/statements/close", new ClosePeriod(period), ClientJson.Default.ClosePeriod, ClientJson.Default.ClosedPeriod, ct);

    /// <summary><c>GET /v1/statements/verify?period=</c>: recomputes a closed month from usage.</summary>
    public Task<PeriodCheck> VerifyPeriodAsync(string period, CancellationToken ct = default) =>
        _calls.GetAsync(Query("v1/statements/verify", ("period", period)), ClientJson.Default.PeriodCheck, ct);
}
