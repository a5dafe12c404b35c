using System.Text.Json.Nodes;

namespace Likeness.Application.Ledger;

#pragma warning disable CA1819 // Views are plain data carriers.

/// <summary>One entry: its exact bytes (base64), their decoded form, and its leaf hash; for a signed act, its signature and signed form.</summary>
public sealed record LedgerEntryView(long Index, string Entry, JsonObject Decoded, string LeafHash, Acts.ActView? Act = null);

/// <summary>An RFC 9162 inclusion proof, hashes in standard base64.</summary>
public sealed record InclusionProofView(long TreeSize, long Index, string LeafHash, string[] Proof);

/// <summary>An RFC 9162 consistency proof, hashes in standard base64.</summary>
public sealed record ConsistencyProofView(long From, long To, string[] Proof);

/// <summary>
/// The signing key in force, then the keys it replaced (oldest first) and the <c>key.rotated</c> entries that
/// announced each later key: public, so any reader can follow the chain from a key it pinned.
/// </summary>
public sealed record LedgerKeyView(string Origin, string KeyName, string KeyId, string Algorithm, string PublicKeySpki, RetiredKeyView[] Previous, KeyRotationView[] Rotations);

/// <summary>A key the log used before, and the index of the <c>key.rotated</c> entry that retired it (older tokens name it in their <c>kid</c>).</summary>
public sealed record RetiredKeyView(string KeyId, string Algorithm, string PublicKeySpki, long RetiredAt);

/// <summary>A <c>key.rotated</c> entry: its index, the key it announced, and its exact bytes (base64), to check against the log's leaf.</summary>
public sealed record KeyRotationView(long Index, string KeyId, string Entry);
