namespace Likeness.Application.Common;

/// <summary>A request made under an <c>Idempotency-Key</c>: the client's key and the hash of the request it came with.</summary>
public sealed record IdempotentRequest(string Key, string RequestHash)
{
    /// <summary>Validates a client's key: 1 to 200 visible ASCII characters.</summary>
    public static IdempotentRequest? From(string? key, string requestHash)
    {
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > 200 || key.Any(c => c is < '!' or > '~'))
        {
            throw AppProblem.BadRequest("invalid_idempotency_key", "Idempotency-Key is 1 to 200 visible ASCII characters.", "Idempotency-Key");
        }

        return new IdempotentRequest(key, requestHash);
    }
}
