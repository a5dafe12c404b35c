using Xunit;

namespace Likeness.Tests.Support;

/// <summary>Tests that each start a server on <paramref name="provider"/> and create the usual cast on it, and remove both afterwards.</summary>
public abstract class WorldTests(Provider provider) : IAsyncLifetime
{
    /// <summary>The store the tests run on.</summary>
    protected Provider Provider { get; } = provider;

    /// <summary>The server under test (a test may replace it with a restarted one).</summary>
    protected TestServer Server { get; set; } = null!;

    /// <summary>The parties, consent and licence created through the API.</summary>
    protected World W { get; private set; } = null!;

    /// <summary>The store of the server under test, for tests that look below the API.</summary>
    protected Likeness.Application.Ports.IStore Store => Server.Server.Core.Store;

    public virtual async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(Provider);
        await InitializeWorldAsync();
    }

    /// <summary>Creates the cast on <see cref="Server"/> (for a test that starts its server its own way).</summary>
    protected async Task InitializeWorldAsync() => W = await World.CreateAsync(Server);

    public virtual async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Server.DeleteFiles();
    }
}
