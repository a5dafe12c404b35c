using System.Text.Json.Nodes;
using Likeness.Tests.Support;
using Xunit;

namespace Likeness.Tests.OpenApi;

/// <summary>One server and the OpenAPI document it serves, with every operation in it.</summary>
public sealed class OpenApiDocumentFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;
    public JsonObject Document { get; private set; } = null!;

    /// <summary>Every operation: its method, its path, and the operation object.</summary>
    public List<(string Method, string Path, JsonObject Operation)> Operations { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        var (status, doc) = await Server.Client(null).GetJsonAsync("/openapi/v1.json");
        Assert.Equal(200, status);
        Document = doc!.AsObject();
        foreach (var (path, operations) in Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                Operations.Add((method.ToUpperInvariant(), path, operation!.AsObject()));
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Server.DeleteFiles();
    }
}
