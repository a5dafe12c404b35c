using Likeness.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace Likeness.Tests.Web;

/// <summary>
/// One server (SQLite in a temporary folder, on a free port, the fake clock) with the test world, and one headless
/// Debian Chromium driven by Playwright, shared by the web tests of a class. Each test opens its own browser context
/// (its own cookies).
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private IPlaywright _playwright = null!;

    public TestServer Server { get; private set; } = null!;
    public World World { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: scripts/test.sh installs Debian's chromium.");
        }

        Server = await TestServer.StartAsync();
        World = await World.CreateAsync(Server);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ChromiumArgs, Headless = true });
    }

    /// <summary>A fresh browser context (no cookies) on the server.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Server.Url, ViewportSize = new() { Width = 1200, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page signed in with <paramref name="key"/> through the sign-in form.</summary>
    public async Task<IPage> SignedInAsync(string key)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A new licence request from the world's studio to its performer, through the API; returns its id.</summary>
    public async Task<string> RequestAsync(string project, string? studioKey = null)
    {
        var (status, body) = await Server.Client(studioKey ?? World.Studio.Key).PostAsync("/v1/license-requests", new
        {
            performerId = World.Performer.Id,
            project,
            description = World.Description,
            uses = new[] { World.Use() },
            compensation = new { perRender = new { currency = "USD", minor = 2500 } },
        });
        Assert.True(status == 201, body?.ToJsonString());
        return body!["id"]!.GetValue<string>();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Server.DisposeAsync();
        Server.DeleteFiles();
    }
}
