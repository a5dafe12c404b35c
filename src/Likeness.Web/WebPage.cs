namespace Likeness.Web;

/// <summary>
/// The mark on every endpoint of the web app (its pages and its assets), as <c>SharedRoute</c> marks the API's: the
/// route convention test accepts an endpoint that carries either, and nothing else.
/// </summary>
public sealed record WebPage;
