using Likeness.Tests.Support;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Likeness.Tests.Web;

/// <summary>
/// The web app in a real browser (Debian's Chromium through Playwright) on a real server: sign-in, the performer's
/// Inbox and the studio's Licences, the counter-offer loop end to end, encoding, CSRF, another party's page, axe-core,
/// keyboard only, and screenshots.
/// </summary>
public sealed class WebAppTests(WebFixture web) : IClassFixture<WebFixture>
{
    private World World => web.World;

    [Fact]
    public async Task Sign_in_lands_the_performer_on_her_Inbox_and_Approve_grants_the_licence()
    {
        var requestId = await web.RequestAsync("Lantern Coast");
        var page = await web.SignedInAsync(World.Performer.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();
        var card = page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Lantern Coast" }) });
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Veto" })).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Counter" })).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");

        var (status, request) = await web.Server.Client(World.Studio.Key).GetJsonAsync($"/v1/license-requests/{requestId}");
        Assert.Equal(200, status);
        Assert.Equal("approved", request!["status"]!.GetValue<string>());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lantern Coast" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_veto_needs_a_reason_and_is_recorded_with_it()
    {
        var requestId = await web.RequestAsync("Harbour Lights");
        var page = await web.SignedInAsync(World.Representative.Key);
        var card = page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Harbour Lights" }) });
        await card.GetByLabel("Reason for the veto").FillAsync("Not for this franchise.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Veto" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vetoed");
        var (_, request) = await web.Server.Client(World.Studio.Key).GetJsonAsync($"/v1/license-requests/{requestId}");
        Assert.Equal("vetoed", request!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Studio_requests_performer_counters_studio_accepts_and_the_render_shows_on_the_licence()
    {
        var requestId = await web.RequestAsync("Tidewater Saga");
        var performer = await web.SignedInAsync(World.Performer.Key);
        var card = performer.GetByRole(AriaRole.Article).Filter(new() { Has = performer.GetByRole(AriaRole.Heading, new() { Name = "Tidewater Saga" }) });
        await card.GetByRole(AriaRole.Button, new() { Name = "Counter" }).ClickAsync();
        await performer.GetByLabel("Renders (blank: no limit)").FillAsync("40");
        await performer.GetByLabel("Per render").FillAsync("30.00");
        await performer.GetByRole(AriaRole.Button, new() { Name = "Send counter-offer" }).ClickAsync();
        await Expect(performer.GetByRole(AriaRole.Status)).ToContainTextAsync("Counter-offer sent");

        var studio = await web.SignedInAsync(World.Studio.Key);
        await Expect(studio.GetByRole(AriaRole.Heading, new() { Name = "Licences", Level = 1 })).ToBeVisibleAsync();
        var offer = studio.GetByRole(AriaRole.Article).Filter(new() { Has = studio.GetByRole(AriaRole.Heading, new() { Name = "Tidewater Saga" }) });
        await Expect(offer).ToContainTextAsync("USD 30.00 per render");
        await offer.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(studio.GetByRole(AriaRole.Status)).ToContainTextAsync("licence is granted");

        var (_, request) = await web.Server.Client(World.Studio.Key).GetJsonAsync($"/v1/license-requests/{requestId}");
        var licenseId = request!["licenseId"]!.GetValue<string>();
        var (rs, render) = await web.Server.Client(World.Studio.Key).PostAsync("/v1/renders", World.RenderBody(licenseId, 12));
        Assert.True(rs == 201, render?.ToJsonString());
        var renderId = render!["renderId"]!.GetValue<string>();
        var (cs, _) = await web.Server.Client(World.Studio.Key).PostAsync($"/v1/renders/{renderId}/complete", new { actualSeconds = 11.5m, outputSha256 = new string('c', 64) });
        Assert.Equal(200, cs);

        await performer.GotoAsync($"/licences/{licenseId}");
        await Expect(performer.GetByRole(AriaRole.Heading, new() { Name = "Tidewater Saga", Level = 1 })).ToBeVisibleAsync();
        await Expect(performer.GetByRole(AriaRole.Cell, new() { Name = renderId })).ToBeVisibleAsync();
        await Expect(performer.GetByRole(AriaRole.Img, new() { Name = "Use 1, renders: 1 used, 0 reserved, 39 left of 40" })).ToBeVisibleAsync();

        await performer.GotoAsync("/usage");
        var row = performer.GetByRole(AriaRole.Row).Filter(new() { Has = performer.GetByRole(AriaRole.Link, new() { Name = licenseId }) });
        await Expect(row).ToContainTextAsync("11.5");
        await Expect(performer.Locator("svg.chart rect").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_request_wizard_shows_guidance_and_conflicts_before_sending()
    {
        var page = await web.SignedInAsync(World.Studio.Key);
        await page.GotoAsync("/requests/new");
        await page.GetByLabel("Performer (party id)").FillAsync(World.Performer.Id);
        await page.GetByLabel("Project").FillAsync("Wizard Bay");
        await page.GetByLabel("Description of the intended use").FillAsync("Any purpose.");
        await page.GetByLabel("Modality").SelectOptionAsync("body");
        await page.GetByLabel("Purposes (comma-separated: videoGame, dubbing, advertising, …)").FillAsync("videoGame");
        await page.GetByLabel("Territories (ISO 3166 codes or regions)").FillAsync("JP");
        await page.GetByLabel("Languages (BCP 47)").FillAsync("ja");
        await page.GetByLabel("Renders").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        var review = page.GetByRole(AriaRole.Status, new() { Name = "Before you send" });
        await Expect(review).ToContainTextAsync("not reasonably specific");
        await Expect(review.GetByRole(AriaRole.Listitem).First).ToBeVisibleAsync();

        await page.GetByLabel("Description of the intended use").FillAsync(World.Description);
        await page.GetByLabel("Modality").SelectOptionAsync("voice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(review).ToContainTextAsync("No conflict");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Request sent");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wizard Bay" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_union_suspends_in_the_browser_the_studios_render_is_denied_and_the_union_resumes()
    {
        var page = await web.SignedInAsync(World.Union.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Licences", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync($"/licences/{World.LicenseId}");
        await Axe.AssertCleanAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Licence suspended");

        var studio = web.Server.Client(World.Studio.Key);
        var (denied, problem) = await studio.PostAsync("/v1/renders", World.RenderBody(World.LicenseId, 5));
        Assert.True(denied == 403, problem?.ToJsonString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Licence resumed");
        var (permitted, render) = await studio.PostAsync("/v1/renders", World.RenderBody(World.LicenseId, 5));
        Assert.True(permitted == 201, render?.ToJsonString());
    }

    [Fact]
    public async Task A_studio_is_offered_no_suspension()
    {
        var page = await web.SignedInAsync(World.Studio.Key);
        await page.GotoAsync($"/licences/{World.LicenseId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budgets" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Suspend" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_studio_sees_its_plans_tiers_estimates_and_drafted_requests_and_no_one_else_does()
    {
        var (status, plan) = await World.As(World.Studio).PostAsync("/v1/plans", Planning.PlanScripts.Body(World.Performer.Id));
        Assert.True(status == 201, plan?.ToJsonString());
        var id = plan!["id"]!.GetValue<string>();

        var page = await web.SignedInAsync(World.Studio.Key);
        await page.GotoAsync($"/plans/{id}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Harbour Lights", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Each scene's tier, the rule that decided it, and why" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "INT. HANGAR - NIGHT" }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Request to {World.Performer.Id}" })).ToBeVisibleAsync();
        await Axe.AssertCleanAsync(page);

        var other = await web.SignedInAsync(World.OtherStudio.Key);
        Assert.Equal(404, (await other.GotoAsync($"/plans/{id}"))!.Status);
    }

    [Fact]
    public async Task Another_partys_licence_is_a_404_page_with_sign_out()
    {
        var page = await web.SignedInAsync(World.OtherStudio.Key);
        var response = await page.GotoAsync($"/licences/{World.LicenseId}");
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var requestId = await web.RequestAsync("Quiet Meridian");
        var page = await web.SignedInAsync(World.Performer.Key);

        // The session cookie rides along (same origin), the token does not: what a forged form would send.
        var response = await page.APIRequest.PostAsync($"/inbox?handler=Approve&id={requestId}", new() { Form = FormOf(page) });
        Assert.Equal(400, response.Status);
        var (_, request) = await web.Server.Client(World.Studio.Key).GetJsonAsync($"/v1/license-requests/{requestId}");
        Assert.Equal("pending", request!["status"]!.GetValue<string>());
    }

    private static IFormData FormOf(IPage page)
    {
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("idempotencyKey", "forged-1");
        return form;
    }

    [Fact]
    public async Task Names_and_terms_are_shown_as_text_never_as_markup()
    {
        // Bidi control characters themselves are refused by the API (JsonTextRules); right-to-left text is shown isolated (dir=auto).
        const string hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> שלום";
        var (status, studio) = await web.Server.Client(web.Server.OperatorKey).PostAsync("/v1/parties", new { kind = "studio", name = hostile });
        Assert.Equal(201, status);
        await web.RequestAsync(hostile, studio!["apiKey"]!.GetValue<string>());

        var page = await web.SignedInAsync(World.Performer.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = hostile })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        var html = await page.ContentAsync();
        Assert.Contains("&lt;script&gt;window.pwned=1&lt;/script&gt;", html, StringComparison.Ordinal);

        var studioPage = await web.SignedInAsync(studio["apiKey"]!.GetValue<string>());
        await Expect(studioPage.Locator(".who")).ToContainTextAsync("<script>");
        Assert.Null(await studioPage.EvaluateAsync<int?>("() => window.pwned ?? null"));
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_the_session_cookie_holds_no_key()
    {
        var page = await web.NewPageAsync();
        var response = await page.GotoAsync("/signin");
        var csp = (await response!.AllHeadersAsync())["content-security-policy"];
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);

        await page.GetByLabel("API key").FillAsync(World.Performer.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "likeness-session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(World.Performer.Key, cookie.Value, StringComparison.Ordinal);
        Assert.True(cookie.Expires < 0, "a session cookie, ended with the browser");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/inbox");
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_ends_after_its_idle_time()
    {
        var page = await web.SignedInAsync(World.Auditor.Key);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Licences" })).ToBeVisibleAsync();
        web.Server.Clock.Advance(TimeSpan.FromMinutes(31));
        await page.GotoAsync("/licences");
        Assert.EndsWith("/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_on_the_sign_in_page()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("API key").FillAsync("lk_not_a_key");
        var response = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(401, response.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");
    }

    [Fact]
    public async Task Keyboard_alone_signs_in_and_approves()
    {
        await web.RequestAsync("Keyboard Isles");
        var page = await web.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Keyboard.PressAsync("Tab"); // the skip link
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("apiKey", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(World.Performer.Key);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox" })).ToBeVisibleAsync();

        var approve = page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Keyboard Isles" }) })
            .GetByRole(AriaRole.Button, new() { Name = "Approve" });
        for (var i = 0; i < 200 && !await approve.EvaluateAsync<bool>("b => b === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
    }

    [Fact]
    public async Task Every_page_passes_axe_and_paints_something()
    {
        var requestId = await web.RequestAsync("Axe Harbour");
        var blank = await web.NewPageAsync();
        await blank.SetContentAsync("<html><body></body></html>");
        var blankBytes = (await blank.ScreenshotAsync()).Length;

        var signIn = await web.NewPageAsync();
        await signIn.GotoAsync("/signin");
        await Axe.AssertCleanAsync(signIn);

        var performer = await web.SignedInAsync(World.Performer.Key);
        var studio = await web.SignedInAsync(World.Studio.Key);
        foreach (var (page, path) in new[]
        {
            (performer, "/inbox"), (performer, "/usage"), (performer, "/licences"), (performer, $"/licences/{World.LicenseId}"), (performer, $"/requests/{requestId}/counter"),
            (studio, "/licences"), (studio, "/licences?status=active"), (studio, "/requests/new"), (studio, "/licences/no-such-licence"),
        })
        {
            await page.GotoAsync(path);
            await Axe.AssertCleanAsync(page);
            var shot = await page.ScreenshotAsync(new() { FullPage = true });
            Assert.True(shot.Length > 2 * blankBytes, $"{path}: the screenshot ({shot.Length} bytes) is as small as a blank page's ({blankBytes})");
        }
    }
}
