using System.Text.Json.Nodes;

namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary>A key the log used before, and the index of the entry that retired it.</summary>
public sealed record RetiredLedgerKey(string KeyId, string Algorithm, string PublicKeySpki, long RetiredAt);

/// <summary>The ledger's signing key in force (base64 DER SPKI) and the keys it replaced.</summary>
public sealed record LedgerKey(string Origin, string KeyName, string KeyId, string Algorithm, string PublicKeySpki, RetiredLedgerKey[] Previous, JsonArray Rotations);

/// <summary>One ledger entry: its exact bytes (base64), decoded form and leaf hash.</summary>
public sealed record LedgerEntry(long Index, string Entry, JsonObject Decoded, string LeafHash, JsonObject? Act = null);

/// <summary>An RFC 9162 inclusion proof, hashes in standard base64.</summary>
public sealed record InclusionProof(long TreeSize, long Index, string LeafHash, string[] Proof);

/// <summary>An RFC 9162 consistency proof, hashes in standard base64.</summary>
public sealed record ConsistencyProof(long From, long To, string[] Proof);
