using System.Globalization;
using Likeness.Application.Contracts;
using Likeness.Domain.Licensing;
using Microsoft.AspNetCore.Mvc;

namespace Likeness.Web.Pages;

/// <summary>
/// The studio's request wizard: the terms as a form; "Check" shows the AB 2602 guidance on the description and the
/// conflicts with the performer's consent and her union's floors (the same review the request will record), "Send
/// request" sends it through the same use case as <c>POST /v1/license-requests</c>.
/// </summary>
public sealed class NewRequestModel : PartyPageModel
{
    [BindProperty] public string PerformerId { get; set; } = "";
    [BindProperty] public string Project { get; set; } = "";
    [BindProperty] public string Description { get; set; } = "";
    [BindProperty] public string Modality { get; set; } = "voice";
    [BindProperty] public string Purposes { get; set; } = "";
    [BindProperty] public string Territories { get; set; } = "";
    [BindProperty] public string Languages { get; set; } = "";
    [BindProperty] public DateTime? From { get; set; }
    [BindProperty] public DateTime? To { get; set; }
    [BindProperty] public decimal? Seconds { get; set; }
    [BindProperty] public long? Renders { get; set; }
    [BindProperty] public string Currency { get; set; } = "USD";
    [BindProperty] public decimal? PerRender { get; set; }
    [BindProperty] public decimal? PerSecond { get; set; }

    public static readonly string[] Modalities = ["voice", "face", "body", "motion", "performance"];

    /// <summary>After "Check": the review's conflicts (empty when none); null before.</summary>
    public ConflictView[]? Conflicts { get; private set; }

    /// <summary>Whether the description meets the "reasonably specific" rule (DescriptionCheck).</summary>
    public bool? Specific { get; private set; }

    public IActionResult OnGet() => Caller.Kind == Domain.Common.PartyKind.Studio ? Page() : Redirect("/licences");

    public async Task<IActionResult> OnPostCheckAsync()
    {
        Specific = DescriptionCheck.IsReasonablySpecific(Description);
        Conflicts = await Core.Requests.ReviewAsync(Caller, Body(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        var outcome = await Core.Requests.CreateAsync(Caller, Body(), FormIdempotency(), HttpContext.RequestAborted);
        if (outcome.Refusal is { } refusal)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Status;
            return Page();
        }

        return Redirect("/licences?done=" + Uri.EscapeDataString("Request sent to the performer."));
    }

    private LicenseRequestBody Body()
    {
        var from = From is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : Now;
        var to = To is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : Now.AddYears(1);
        var use = new UseBody(Modality, List(Purposes), List(Territories), List(Languages), from, to, null, Seconds, Renders, null, "newPerformance");
        var factor = (decimal)Math.Pow(10, MoneyText.Decimals(Currency));
        MoneyBody? Money(decimal? amount) => amount is { } a ? new MoneyBody(Currency.Trim().ToUpperInvariant(), (long)decimal.Round(a * factor, 0)) : null;
        var compensation = PerRender is null && PerSecond is null ? null : new CompensationBody(Money(PerRender), Money(PerSecond), null);
        return new LicenseRequestBody(PerformerId.Trim(), Project, Description, [use], compensation);
    }

    private static string[] List(string text) => text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Date(DateTime? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
