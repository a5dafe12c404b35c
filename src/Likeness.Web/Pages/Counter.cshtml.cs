using System.Globalization;
using Likeness.Application.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace Likeness.Web.Pages;

/// <summary>
/// A counter-offer: the request's terms as a form to edit (each use's territories, languages and budgets; the
/// compensation), sent through the same use case as <c>POST /v1/license-requests/{id}/counter</c>, which checks them.
/// </summary>
public sealed class CounterModel : PartyPageModel
{
    public LicenseRequestView Asked { get; private set; } = null!;

    public async Task OnGetAsync(string id) => Asked = await Core.Requests.GetAsync(Caller, id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync(string id)
    {
        Asked = await Core.Requests.GetAsync(Caller, id, HttpContext.RequestAborted);
        var form = Request.Form;
        var uses = Asked.Terms.Uses.Select((u, i) => u with
        {
            Territories = List(form[$"territories{i}"]),
            Languages = List(form[$"languages{i}"]),
            MaxSyntheticSeconds = Decimal(form[$"seconds{i}"]),
            MaxRenders = (long?)Decimal(form[$"renders{i}"]),
        }).ToArray();
        var currency = Asked.Terms.Compensation?.PerRender?.Currency ?? Asked.Terms.Compensation?.PerSecond?.Currency ?? "USD";
        var compensation = (Asked.Terms.Compensation ?? new CompensationBody(null, null, null)) with
        {
            PerRender = Minor(form["perRender"], currency),
            PerSecond = Minor(form["perSecond"], currency),
        };
        var note = form["note"].ToString();
        var outcome = await Core.Requests.CounterAsync(
            Caller, id, new CounterBody(uses, compensation, Note: note.Length == 0 ? null : note), FormIdempotency(), null, HttpContext.RequestAborted);
        if (outcome.Refusal is { } refusal)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Status;
            return Page();
        }

        return Redirect("/inbox?done=" + Uri.EscapeDataString("Counter-offer sent."));
    }

    private static string[] List(string? text) =>
        (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static decimal? Decimal(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
            : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
            : throw Application.Common.AppProblem.BadRequest("invalid_number", $"'{text}' is not a number.", "form");

    /// <summary>An amount typed in the currency's units (25.00) as money in minor units.</summary>
    private static MoneyBody? Minor(string? text, string currency) =>
        Decimal(text) is not { } amount ? null
            : new MoneyBody(currency, (long)decimal.Round(amount * (decimal)Math.Pow(10, Domain.Licensing.MoneyText.Decimals(currency)), 0));

    /// <summary>An amount in minor units as the currency's units, for the form (2500 USD → 25.00).</summary>
    public static string Units(MoneyBody? money) =>
        money is null ? "" : (money.Minor / (decimal)Math.Pow(10, Domain.Licensing.MoneyText.Decimals(money.Currency))).ToString(CultureInfo.InvariantCulture);
}
