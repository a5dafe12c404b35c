using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Http;

/// <summary>A render sent for approval because of its prompt names the lexicon phrases that found the content, never the prompt.</summary>
public sealed class PromptTriggerTests() : WorldTests(Provider.Sqlite)
{
    [Fact]
    public async Task A_render_pending_for_its_prompt_names_the_phrase_and_keeps_no_prompt_text()
    {
        var body = World.RenderBody(W.LicenseId, prompt: "Captain Vale draws her knife and stabs the guard in the back.");
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", body);
        Assert.True(status == 202, render?.ToJsonString());
        var trigger = Assert.Single(render!["promptTriggers"]!.AsArray());
        Assert.Equal("violence", trigger!["category"]!.GetValue<string>());
        Assert.Equal("stabs", trigger["phrase"]!.GetValue<string>());
        Assert.Equal("en", trigger["language"]!.GetValue<string>());

        var (_, again) = await W.As(W.Performer).GetJsonAsync($"/v1/renders/{render["renderId"]!.GetValue<string>()}");
        Assert.Equal(render["promptTriggers"]!.ToJsonString(), again!["promptTriggers"]!.ToJsonString());
        Assert.DoesNotContain("Captain Vale", again.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permitted_render_carries_no_triggers()
    {
        var (status, render) = await W.As(W.Studio).PostAsync("/v1/renders", World.RenderBody(W.LicenseId));
        Assert.Equal(201, status);
        Assert.Null(render!["promptTriggers"]);
    }
}
