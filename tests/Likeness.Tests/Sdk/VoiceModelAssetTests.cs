using Likeness.Client;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.Sdk;

/// <summary>A voice asset carries its voice model (espeak-ng parameters); the licensee sees it, a stranger does not.</summary>
public sealed class VoiceModelAssetTests() : WorldTests(Provider.Sqlite)
{
    [Fact]
    public async Task A_voice_model_is_kept_and_shown_to_the_performer_side_and_the_licensee_only()
    {
        using var performer = new LikenessClient(new Uri(Server.Url), W.Performer.Key);
        using var studio = new LikenessClient(new Uri(Server.Url), W.Studio.Key);
        using var rival = new LikenessClient(new Uri(Server.Url), W.OtherStudio.Key);
        var model = new VoiceModel("fr", 62, 160, "f3");

        var voice = await performer.Parties.RegisterAssetAsync(W.Performer.Id, new CreateAsset("voice v2", "voice", "behavioralEmulator", VoiceModel: model));
        await performer.Parties.RegisterAssetAsync(W.Performer.Id, new CreateAsset("face scan", "face", "staticReplica"));

        Assert.Equal(model, voice.VoiceModel);
        Assert.Equal(2, (await performer.Parties.AssetsAsync(W.Performer.Id)).Length);
        var seen = Assert.Single(await studio.Parties.AssetsAsync(W.Performer.Id));
        Assert.Equal((voice.Id, model), (seen.Id, seen.VoiceModel));
        await Assert.ThrowsAsync<LikenessNotFoundException>(() => rival.Parties.AssetsAsync(W.Performer.Id));
    }

    [Theory]
    [InlineData("voice", "fr; rm -rf /", null, null, "invalid_voice_model", "voiceModel.voice")]
    [InlineData("voice", "fr", 100, null, "out_of_range", "voiceModel.pitch")]
    [InlineData("voice", "fr", null, 20, "out_of_range", "voiceModel.speed")]
    [InlineData("face", "fr", null, null, "invalid_voice_model", "voiceModel")]
    public async Task A_bad_voice_model_is_refused_naming_its_field(string modality, string voice, int? pitch, int? speed, string code, string field)
    {
        using var performer = new LikenessClient(new Uri(Server.Url), W.Performer.Key);

        var refused = await Assert.ThrowsAsync<LikenessInvalidRequestException>(() =>
            performer.Parties.RegisterAssetAsync(W.Performer.Id, new CreateAsset("v", modality, "behavioralEmulator", VoiceModel: new VoiceModel(voice, pitch, speed))));

        Assert.Equal((code, field), (refused.Code, refused.Field));
    }
}
