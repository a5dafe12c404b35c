namespace Likeness.Tests.Support.Fuzz;

/// <summary>What a case's input is, which decides what its answer may be.</summary>
public enum Expect
{
    /// <summary>Surely invalid: the answer is a 4xx problem, and nothing changes.</summary>
    Invalid,

    /// <summary>Maybe still valid (an empty note, an optional member dropped): never a 5xx, and a 4xx is a problem.</summary>
    Ambiguous,

    /// <summary>The valid example itself: it gets one of the route's valid statuses.</summary>
    Valid,
}

/// <summary>A request as bytes on the wire (the body may be any bytes, including invalid UTF-8).</summary>
public sealed record FuzzRequest(string Method, string Path, byte[]? Body, string? ContentType);

/// <summary>One generated case: which route, which mutation (a kind, where, and the value used), what it must get.</summary>
public sealed record FuzzCase(int Number, RouteExample Route, string Mutation, string Where, string Detail, Expect Expect, FuzzRequest Request)
{
    /// <summary>One line for a report.</summary>
    public string Describe() => $"#{Number} {Route.Name} {Mutation} at {Where} ({Detail}) -> {Request.Method} {Shorten(Request.Path, 120)}";

    /// <summary>The text cut to <paramref name="max"/> characters, with the full length said.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + $"…({text.Length} chars)";
}
