using System.Net;
using System.Security.Cryptography;
using System.Text;
using Likeness.Application.Model;
using Likeness.Application.Webhooks;
using Likeness.Domain.Common;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Webhooks;

/// <summary>The pure parts of webhooks: signing (against the specification's example), sealing, the URL rule, the schedule, the audience.</summary>
public sealed class WebhookRulesTests
{
    [Fact]
    public void The_signature_matches_the_standard_webhooks_specification_example()
    {
        // The example of the Standard Webhooks specification (and of its reference libraries' tests).
        var header = WebhookSignature.Header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"), ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", header);
    }

    [Fact]
    public void Two_secrets_give_two_signatures_separated_by_a_space()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();
        var both = WebhookSignature.Header("msg_1", 1, "{}"u8.ToArray(), [a, b]).Split(' ');
        Assert.Equal([WebhookSignature.Header("msg_1", 1, "{}"u8.ToArray(), [a]), WebhookSignature.Header("msg_1", 1, "{}"u8.ToArray(), [b])], both);
    }

    [Fact]
    public void A_sealed_secret_opens_only_for_its_endpoint_under_its_key()
    {
        var box = new WebhookSecretBox(RandomNumberGenerator.GetBytes(32));
        var secret = WebhookSignature.NewSecret();
        var sealedSecret = box.Seal(secret, "whk_1");
        Assert.DoesNotContain(secret[6..], sealedSecret, StringComparison.Ordinal);
        Assert.Equal(secret, box.Open(sealedSecret, "whk_1"));
        Assert.Null(box.Open(sealedSecret, "whk_2"));
        Assert.Null(new WebhookSecretBox(RandomNumberGenerator.GetBytes(32)).Open(sealedSecret, "whk_1"));
        Assert.NotEqual(sealedSecret, box.Seal(secret, "whk_1"));
    }

    [Theory]
    [InlineData("https://hooks.example.com/likeness", false, true)]
    [InlineData("http://hooks.example.com:8080/x?y=1", false, true)]
    [InlineData("http://127.0.0.1:9000/hook", false, false)]
    [InlineData("http://localhost/hook", false, false)]
    [InlineData("http://api.localhost/hook", false, false)]
    [InlineData("http://[::1]/hook", false, false)]
    [InlineData("http://10.1.2.3/hook", false, false)]
    [InlineData("http://172.16.0.1/hook", false, false)]
    [InlineData("http://192.168.1.1/hook", false, false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false, false)]
    [InlineData("http://100.64.0.1/hook", false, false)]
    [InlineData("http://[fd00::1]/hook", false, false)]
    [InlineData("http://[::ffff:10.0.0.1]/hook", false, false)]
    [InlineData("http://127.0.0.1:9000/hook", true, true)]
    [InlineData("ftp://hooks.example.com/", true, false)]
    [InlineData("https://user:secret@hooks.example.com/", true, false)]
    [InlineData("https://hooks.example.com/#part", true, false)]
    [InlineData("hooks.example.com/x", true, false)]
    public void The_url_rule(string url, bool allowPrivate, bool accepted) =>
        Assert.Equal(accepted, WebhookUrlRule.Check(url, allowPrivate) is null);

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("fe80::1", false)]
    public void Public_addresses(string address, bool isPublic) => Assert.Equal(isPublic, WebhookUrlRule.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void The_schedule_spans_more_than_a_day_and_ends()
    {
        var waits = Enumerable.Range(1, RetrySchedule.MaxAttempts).Select(RetrySchedule.After).ToList();
        Assert.Null(waits[^1]);
        Assert.All(waits[..^1], w => Assert.NotNull(w));
        Assert.True(waits.Sum(w => w?.Ticks ?? 0) > TimeSpan.FromDays(1).Ticks);
        Assert.Equal(waits[..^1], waits[..^1].Order());
    }

    [Fact]
    public void The_audience_follows_who_acts_for_the_performer_at_delivery()
    {
        var performer = new PartyRecord("prf_1", PartyKind.Performer, "P", [], TestServer.Epoch);
        var agent = new PartyRecord("rep_1", PartyKind.Representative, "A", ["prf_1"], TestServer.Epoch);
        var estate = new PartyRecord("est_1", PartyKind.Estate, "E", ["prf_1"], TestServer.Epoch);
        var union = new PartyRecord("uni_1", PartyKind.Union, "U", ["prf_1"], TestServer.Epoch);
        var studio = new PartyRecord("std_1", PartyKind.Studio, "S", [], TestServer.Epoch);
        var stranger = new PartyRecord("std_2", PartyKind.Studio, "T", [], TestServer.Epoch);
        var dead = performer with { DiedOn = new DateOnly(2026, 1, 1) };
        var audience = WebhookAudience.Of("prf_1", "std_1");

        Assert.Equal([true, true, false, false, true, false], new[] { performer, agent, estate, union, studio, stranger }.Select(p => audience.Reaches(p, performer)));
        Assert.Equal([false, false, true, false, true, false], new[] { performer, agent, estate, union, studio, stranger }.Select(p => audience.Reaches(p, dead)));
        Assert.True((audience with { Unions = true }).Reaches(union, performer));
        Assert.True(new WebhookAudience(null, [], Everyone: true).Reaches(stranger, null));
    }
}
