using Likeness.Tests.Support;

namespace Likeness.Tests.Webhooks;

/// <summary>Tests with the usual cast on a server that lets webhooks reach loopback, and a real receiver there.</summary>
public abstract class WebhookWorldTests(Provider provider) : WorldTests(provider)
{
    protected WebhookReceiver Receiver { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(Provider, adjust: s => s with { Options = s.Options with { WebhookPrivateAddresses = true } });
        await InitializeWorldAsync();
        Receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await base.DisposeAsync();
    }
}
