namespace Likeness.Server.Http.OpenApi;

/// <summary>The one-line summary of every operation, by method and route. A test asserts every operation has one.</summary>
public static class OperationSummaries
{
    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["POST /v1/parties"] = "Create a party and its API key (operator)",
        ["GET /v1/parties/{id}"] = "Get a party",
        ["GET /v1/me"] = "Who am I: the caller's party and what it may do",
        ["GET /v1/me/performers"] = "List the performers the caller acts for",
        ["POST /v1/performers/{id}/death"] = "Record a performer's death",
        ["POST /v1/performers/{id}/assets"] = "Register a performer's asset (its hash)",
        ["GET /v1/performers/{id}/assets"] = "List a performer's assets",
        ["PUT /v1/performers/{id}/consent"] = "Write a performer's consent policy (a new version)",
        ["GET /v1/performers/{id}/consent"] = "Get a performer's current consent policy (JSON or ODRL)",
        ["GET /v1/performers/{id}/consent/versions"] = "List a performer's consent versions",
        ["GET /v1/performers/{id}/usage"] = "List a performer's usage events",
        ["POST /v1/license-requests"] = "Request a licence (studio)",
        ["GET /v1/license-requests"] = "List licence requests",
        ["GET /v1/license-requests/{id}"] = "Get a licence request",
        ["POST /v1/license-requests/{id}/approve"] = "Approve a request, granting the licence",
        ["POST /v1/license-requests/{id}/veto"] = "Veto a request",
        ["POST /v1/license-requests/{id}/counter"] = "Counter a request with other terms",
        ["POST /v1/license-requests/{id}/accept"] = "Accept a counter-offer, granting the licence",
        ["GET /v1/licenses"] = "List licences",
        ["GET /v1/licenses/{id}"] = "Get a licence",
        ["POST /v1/licenses/{id}/suspend"] = "Suspend a licence",
        ["POST /v1/licenses/{id}/resume"] = "Resume a suspended licence",
        ["POST /v1/licenses/{id}/revoke"] = "Revoke a licence, with notice",
        ["POST /v1/licenses/{id}/estate-consent"] = "Give the estate's consent to a licence after death",
        ["GET /v1/licenses/{id}/usage"] = "List a licence's usage events",
        ["POST /v1/renders"] = "Authorize a render: permitted, pending approval, or denied with reasons",
        ["GET /v1/renders"] = "List renders",
        ["GET /v1/renders/{id}"] = "Get a render",
        ["POST /v1/renders/{id}/complete"] = "Complete a render with its actual length and output hash",
        ["POST /v1/renders/{id}/cancel"] = "Cancel a render, releasing its reservation",
        ["POST /v1/renders/{id}/approve"] = "Approve a render pending the performer's approval",
        ["POST /v1/renders/{id}/reject"] = "Reject a render pending the performer's approval",
        ["GET /v1/ledger/key"] = "Get the ledger's public signing keys",
        ["POST /v1/ledger/key/rotate"] = "Rotate the ledger's signing key (operator)",
        ["GET /v1/ledger/checkpoint"] = "Get the ledger's signed checkpoint (C2SP signed note)",
        ["GET /v1/ledger/entries/{id}"] = "Get a ledger entry by index",
        ["GET /v1/ledger/proofs/inclusion"] = "Get an inclusion proof for an entry",
        ["GET /v1/ledger/proofs/consistency"] = "Get a consistency proof between two tree sizes",
        ["GET /v1/ledger/tile/{path}"] = "Get a ledger tile (C2SP tlog-tiles)",
        ["PUT /v1/performers/{id}/splits"] = "Set how a performer's royalties are split",
        ["GET /v1/performers/{id}/splits"] = "Get how a performer's royalties are split",
        ["PUT /v1/unions/{id}/rates"] = "Set a union's minimum rate table",
        ["GET /v1/unions/{id}/rates"] = "Get a union's minimum rate table",
        ["GET /v1/statements"] = "Get a royalty statement (JSON or CSV)",
        ["POST /v1/statements/close"] = "Close a royalty period",
        ["GET /v1/statements/verify"] = "Verify a closed period against the ledger",
        ["GET /problems/{id}"] = "Describe a problem type",
    };

    /// <summary>The summary, or null when the table lacks the route (which the test reports).</summary>
    public static string? For(string method, string path) => Table.GetValueOrDefault(method + " " + path);
}
