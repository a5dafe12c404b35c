using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Webhooks;

/// <summary>A server started as an operator would by default refuses webhook URLs on loopback and private addresses.</summary>
public sealed class WebhookAddressTests() : WorldTests(Provider.Sqlite)
{
    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost:9000/hook")]
    [InlineData("http://10.0.0.7/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    public async Task A_private_address_is_refused_unless_the_operator_allows_it(string url)
    {
        var (status, problem) = await W.As(W.Performer).PostAsync("/v1/webhooks", new { url, events = new[] { "*" } });
        Assert.True(status == 400, problem?.ToJsonString());
        Assert.Equal("invalid_url", problem!["code"]!.GetValue<string>());
        Assert.Equal("url", problem["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_public_address_is_accepted()
    {
        var (status, body) = await W.As(W.Performer).PostAsync("/v1/webhooks", new { url = "https://hooks.example.com/likeness", events = new[] { "license_request.received" } });
        Assert.True(status == 201, body?.ToJsonString());
    }
}
