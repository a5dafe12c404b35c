using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Likeness.Tests.Support.Fuzz;

/// <summary>
/// Sends generated cases to a server one at a time and checks each answer: never a 5xx, never a success for a surely
/// invalid input, a 4xx is <c>application/problem+json</c> without a stack trace or a .NET type name, and a refused
/// request changes nothing in the store (<paramref name="state"/> reads what must not change). Every failure is
/// collected; none stops the run.
/// </summary>
public sealed partial class FuzzRunner(ILikenessEndpoint server, Func<Task<string>> state, string provider)
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    /// <summary>Runs the valid example of every route, then <paramref name="cases"/> mutations round the routes.</summary>
    public async Task<FuzzReport> RunAsync(IReadOnlyList<RouteExample> routes, int cases, int seed, JsonObject? openApi = null, Action<int>? progress = null)
    {
        var report = new FuzzReport(seed, provider);
        if (openApi is not null)
        {
            Coverage(routes, openApi, report);
        }

        var generator = new FuzzGenerator(seed);
        var number = 0;
        var baseline = await state();
        foreach (var route in routes)
        {
            baseline = await RunOneAsync(FuzzGenerator.Valid(route, number++), baseline, report);
        }

        for (var i = 0; i < cases; i++)
        {
            baseline = await RunOneAsync(generator.Next(routes[i % routes.Count], number++), baseline, report);
            progress?.Invoke(i + 1);
        }

        report.Cases = number;
        return report;
    }

    /// <summary>Every operation of the OpenAPI document that takes input must have a valid example here, or the run fails.</summary>
    private static void Coverage(IReadOnlyList<RouteExample> routes, JsonObject openApi, FuzzReport report)
    {
        var known = routes.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, item) in openApi["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, _) in item!.AsObject())
            {
                var name = method.ToUpperInvariant() + " " + path.Replace("{**", "{", StringComparison.Ordinal);
                if (method is "get" or "post" or "put" or "delete" or "patch" && !known.Contains(name) && path.StartsWith("/v1/", StringComparison.Ordinal))
                {
                    var route = new RouteExample { Method = method.ToUpperInvariant(), Template = path };
                    report.Add(new FuzzFailure("no-example", new FuzzCase(-1, route, "-", "-", "the OpenAPI document lists it", Expect.Invalid, new FuzzRequest(route.Method, path, null, null)), 0, null,
                        "add a valid example for this route to FuzzCast"));
                }
            }
        }
    }

    private HttpClient Client(string? key)
    {
        if (!_clients.TryGetValue(key ?? "", out var client))
        {
            client = server.Client(key);
            client.Timeout = TimeSpan.FromSeconds(60);
            _clients[key ?? ""] = client;
        }

        return client;
    }

    private async Task<string> RunOneAsync(FuzzCase c, string before, FuzzReport report)
    {
        int status;
        string? type;
        string text;
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Request.Method), c.Request.Path);
            if (c.Request.Body is not null)
            {
                request.Content = new ByteArrayContent(c.Request.Body);
                if (c.Request.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", c.Request.ContentType);
                }
            }

            using var response = await Client(c.Route.Key).SendAsync(request);
            status = (int)response.StatusCode;
            type = response.Content.Headers.ContentType?.MediaType;
            text = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or UriFormatException)
        {
            report.Add(new FuzzFailure("transport", c, 0, null, e.GetType().Name + ": " + FuzzCase.Shorten(e.Message, 200)));
            return await state();
        }

        var code = status >= 400 && type == "application/problem+json" ? TryCode(text) : null;
        void Fail(string check) => report.Add(new FuzzFailure(check, c, status, code, FuzzCase.Shorten(text.ReplaceLineEndings(" "), 300)));

        if (status >= 500)
        {
            Fail("server-error");
        }
        else if (c.Expect == Expect.Valid && !c.Route.ValidStatuses.Contains(status))
        {
            Fail("valid-example-refused");
        }
        else if (c.Expect == Expect.Invalid && status < 400)
        {
            Fail("accepted-invalid");
        }

        if (status >= 400 && type != "application/problem+json")
        {
            Fail("not-problem-json");
        }

        if (Leak().IsMatch(text))
        {
            Fail("leaks-internals");
        }

        var after = await state();
        if (status >= 400 && after != before)
        {
            Fail("changed-store");
        }

        // A request that succeeded may have used its target up (a countered request): later cases get a fresh one.
        if (status is >= 200 and < 300 && c.Route.Method != "GET" && c.Route.Renew is { } renew)
        {
            c.Route.Id = await renew();
            after = await state();
        }

        return after;
    }

    private static string? TryCode(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["code"]?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A stack trace, an exception's name, or a .NET type name.</summary>
    [GeneratedRegex(@"   at |Exception|Likeness\.[A-Z]\w*\.|System\.[A-Z]|Microsoft\.[A-Z]")]
    private static partial Regex Leak();
}
