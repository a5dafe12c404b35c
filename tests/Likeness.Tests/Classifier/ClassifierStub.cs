using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Likeness.Tests.Classifier;

/// <summary>
/// A real HTTP classifier on a free loopback port for the tests: records each question and answers what <see cref="Answer"/>
/// says, or holds the question unanswered until disposed (a classifier too slow for the server's timeout, without a sleep).
/// </summary>
public sealed class ClassifierStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonNode> _questions = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClassifierStub(WebApplication app) => _app = app;

    /// <summary>The URL to configure.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The status and body to answer with; null holds the question until the stub is disposed.</summary>
    public (int Status, string Body)? Answer { get; set; } = (200, """{"categories":[]}""");

    public IReadOnlyList<JsonNode> Questions => [.. _questions];

    public static async Task<ClassifierStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new ClassifierStub(app);
        app.MapPost("/classify", async (HttpContext http) =>
        {
            stub._questions.Enqueue((await JsonNode.ParseAsync(http.Request.Body))!);
            if (stub.Answer is not { } answer)
            {
                await stub._released.Task.WaitAsync(http.RequestAborted);
                return Results.StatusCode(503);
            }

            return Results.Text(answer.Body, "application/json", statusCode: answer.Status);
        });
        await app.StartAsync();
        stub.Url = new Uri(app.Urls.First() + "/classify");
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
