using System.Text.Json.Nodes;

namespace Likeness.Application.Ledger;

#pragma warning disable CA1819 // Views are plain data carriers.

/// <summary>One entry: its exact bytes (base64), their decoded form, and its leaf hash.</summary>
public sealed record LedgerEntryView(long Index, string Entry, JsonObject Decoded, string LeafHash);

/// <summary>An RFC 9162 inclusion proof, hashes in standard base64.</summary>
public sealed record InclusionProofView(long TreeSize, long Index, string LeafHash, string[] Proof);

/// <summary>An RFC 9162 consistency proof, hashes in standard base64.</summary>
public sealed record ConsistencyProofView(long From, long To, string[] Proof);

/// <summary>The published signing key.</summary>
public sealed record LedgerKeyView(string Origin, string KeyName, string KeyId, string Algorithm, string PublicKeySpki);
