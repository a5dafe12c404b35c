using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>
/// After a death: a licence the estate itself approves needs no second estate consent; one approved in life does, and so
/// does a counter made in life and accepted by the studio after the death (issue 15).
/// </summary>
public abstract class EstateApprovalTests(Provider provider) : WorldTests(provider)
{
    private async Task<string> RequestAsync()
    {
        var (status, r) = await W.As(W.Studio).PostAsync("/v1/license-requests", new { performerId = W.Performer.Id, project = "P", description = World.Description, uses = new[] { World.Use() } });
        Assert.True(status == 201, r?.ToJsonString());
        return r!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_licence_the_estate_approves_after_the_death_needs_no_second_consent()
    {
        var countered = await RequestAsync();
        var (c, counter) = await W.As(W.Performer).PostAsync($"/v1/license-requests/{countered}/counter", new { uses = new[] { World.Use() }, note = "Shorter." });
        Assert.True(c == 200, counter?.ToJsonString());

        var (died, _) = await W.As(W.Operator).PostAsync($"/v1/performers/{W.Performer.Id}/death", new { diedOn = TestServer.Epoch.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(200, died);

        var requestId = await RequestAsync();
        var (approved, license) = await W.As(W.Estate).PostAsync($"/v1/license-requests/{requestId}/approve", new { });
        Assert.True(approved == 201, license?.ToJsonString());
        var (permit, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(license!["id"]!.GetValue<string>()));
        Assert.True(permit == 201, render?.ToJsonString());

        var (denied, problem) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId));
        Assert.Equal(403, denied);
        Assert.Contains("estate_consent_required", World.Codes(problem), StringComparison.Ordinal);

        var (accepted, acceptedLicense) = await W.As(W.Studio).PostAsync($"/v1/license-requests/{countered}/accept", new { });
        Assert.True(accepted == 201, acceptedLicense?.ToJsonString());
        var (refused, why) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(acceptedLicense!["id"]!.GetValue<string>()));
        Assert.Equal(403, refused);
        Assert.Contains("estate_consent_required", World.Codes(why), StringComparison.Ordinal);
    }
}

/// <summary>The same tests on the embedded SQLite store.</summary>
public sealed class EstateApprovalTestsOnSqlite() : EstateApprovalTests(Provider.Sqlite);

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class EstateApprovalTestsOnPostgres() : EstateApprovalTests(Provider.Postgres);
