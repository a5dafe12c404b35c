namespace Likeness.Server.Operations;

/// <summary>How the console log is written (<c>serve --log-format</c>).</summary>
public enum LogFormat
{
    /// <summary>One line of text per message, with a UTC timestamp.</summary>
    Text,

    /// <summary>One JSON object per line, with the message's fields (method, route, status, elapsed) as properties.</summary>
    Json,
}

/// <summary>Who may read <c>/metrics</c> (<c>serve --metrics</c>).</summary>
public enum MetricsAccess
{
    /// <summary>The operator's key only (a scraper is given it as a bearer token): the default.</summary>
    Operator,

    /// <summary>Anyone who can reach the address (a scraper on a private network, behind a proxy that guards it).</summary>
    Public,

    /// <summary>No metrics: no listener, no <c>/metrics</c> route.</summary>
    Off,
}
