using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Likeness.Application.Ports;
using Likeness.Application.Renders;
using Likeness.Domain.Common;
using Likeness.Domain.Content;

namespace Likeness.Server.Classifier;

/// <summary>
/// The operator's external prompt classifier over HTTP (docs/DOMAIN.md, "Content judged from the prompt"): a POST of
/// <c>{"prompt", "language"}</c> to the configured URL, answered <c>200 {"categories": [...], "triggers": [{"category",
/// "phrase"}]}</c>. Anything else (another status, a body that is not that shape, an unknown category, no answer within
/// <see cref="Timeout"/>, a network error) is a verdict saying it was unavailable, and the render goes to approval.
/// </summary>
public sealed class HttpExternalClassifier : IExternalClassifier, IDisposable
{
    /// <summary>The default wait for an answer, connection included.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private const int MaxAnswerBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
    private readonly HttpClient _http;

    public HttpExternalClassifier(Uri url, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        Timeout = timeout;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = timeout })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Likeness-Classifier/1");
    }

    /// <summary>Where the prompts are sent.</summary>
    public Uri Url { get; }

    /// <summary>How long one question may take before the render goes to approval.</summary>
    public TimeSpan Timeout { get; }

    public async Task<ExternalVerdict> ClassifyAsync(string prompt, string language, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var answer = await _http.PostAsJsonAsync(Url, new Question(prompt, language), Wire, timeout.Token);
            if (!answer.IsSuccessStatusCode)
            {
                return ExternalVerdict.Unavailable($"answered {(int)answer.StatusCode}");
            }

            var body = await answer.Content.ReadFromJsonAsync<Answer>(Wire, timeout.Token);
            return body?.Categories is null ? ExternalVerdict.Unavailable("answered without categories") : Read(body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ExternalVerdict.Unavailable($"no answer within {(long)Timeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException e)
        {
            return ExternalVerdict.Unavailable($"unreachable ({e.HttpRequestError})");
        }
        catch (JsonException)
        {
            return ExternalVerdict.Unavailable("answered with a body that is not the classifier's JSON");
        }
    }

    private static ExternalVerdict Read(Answer a)
    {
        uint mask = 0;
        foreach (var c in a.Categories!)
        {
            if (!Vocabulary<ContentCategory>.TryParse(c, out var category))
            {
                return ExternalVerdict.Unavailable($"answered an unknown category \"{Clip(c)}\"");
            }

            mask |= ContentCategories.Bit(category);
        }

        var triggers = (a.Triggers ?? [])
            .Where(t => t.Category is not null && t.Phrase is not null && Vocabulary<ContentCategory>.TryParse(t.Category, out _))
            .Select(t => new PromptTrigger(t.Category!, Clip(t.Phrase!), "external"))
            .ToArray();
        return new ExternalVerdict(mask, triggers, null);
    }

    // A phrase is recorded with the render: kept short, since the prompt itself is never stored.
    private static string Clip(string s) => s.Length <= 100 ? s : s[..100];

    public void Dispose() => _http.Dispose();

    private sealed record Question(string Prompt, string Language);

    private sealed record Answer(string[]? Categories, TriggerAnswer[]? Triggers);

    private sealed record TriggerAnswer(string? Category, string? Phrase);
}
