namespace Likeness.Ledger;

/// <summary>
/// The act-signing keys a replay has seen registered and revoked (<c>party_key.*</c>), and the check that a union's AB 2602
/// attestation on a grant was made with a key the union itself held, live, at that moment.
/// </summary>
internal sealed class SigningKeys
{
    private readonly Dictionary<string, (string Party, bool Revoked)> _keys = new(StringComparer.Ordinal);

    public void Registered(string kid, string party) => _keys[kid] = (party, false);

    public void Revoked(string kid)
    {
        if (_keys.TryGetValue(kid, out var key))
        {
            _keys[kid] = key with { Revoked = true };
        }
    }

    /// <summary>A finding when <paramref name="kid"/> was not a live key of <paramref name="union"/>.</summary>
    public string? Attested(string union, string kid) =>
        !_keys.TryGetValue(kid, out var key) || key.Party != union ? $"an attestation by union {union} with key {kid}, not one it registered"
        : key.Revoked ? $"an attestation by union {union} with its revoked key {kid}"
        : null;
}
