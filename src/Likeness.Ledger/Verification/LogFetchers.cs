namespace Likeness.Ledger.Verification;

/// <summary>Fetches the log's latest signed checkpoint note.</summary>
public delegate Task<byte[]> CheckpointFetcher(CancellationToken cancellationToken);

/// <summary>Fetches the hash tile at <paramref name="level"/>/<paramref name="index"/>, exactly <paramref name="width"/> hashes wide (C2SP tlog-tiles).</summary>
public delegate Task<byte[]> TileFetcher(int level, long index, int width, CancellationToken cancellationToken);

/// <summary>Fetches entry bundle <paramref name="index"/> of <paramref name="width"/> entries, or null when this reader may not see entries.</summary>
public delegate Task<byte[]?> EntryBundleFetcher(long index, int width, CancellationToken cancellationToken);

/// <summary>Fetches the RFC 9162 consistency proof from tree size <paramref name="from"/> to <paramref name="to"/>.</summary>
public delegate Task<IReadOnlyList<byte[]>> ConsistencyProofFetcher(long from, long to, CancellationToken cancellationToken);

/// <summary>
/// Fetches the log's <c>key.rotated</c> entries, oldest first, with their indexes: the server's claim, which the
/// verifier checks against the tiles (each must be the log's leaf at its index) and, with entry bundles, for gaps.
/// </summary>
public delegate Task<IReadOnlyList<LoggedEntry>> KeyRotationFetcher(CancellationToken cancellationToken);

/// <summary>An entry's exact bytes and its index in the log.</summary>
public sealed record LoggedEntry(long Index, byte[] Entry);

/// <summary>
/// How a <see cref="LogVerifier"/> reads a log (the shape of Tessera's client): any transport plugs in, HTTP in the
/// CLI, files, or a test's memory. A fetch that fails for a reason the transport cannot explain throws; what the
/// bytes say is the verifier's to judge.
/// </summary>
public sealed class LogFetchers
{
    public required CheckpointFetcher Checkpoint { get; init; }

    public required TileFetcher Tile { get; init; }

    public required ConsistencyProofFetcher ConsistencyProof { get; init; }

    /// <summary>
    /// The key rotations (public: they hold keys, no personal data); without it only checkpoints signed by the pinned
    /// key verify.
    /// </summary>
    public KeyRotationFetcher? KeyRotations { get; init; }

    /// <summary>Entry bundles, for auditors; without it (or when it answers null for the first bundle) entries are not replayed.</summary>
    public EntryBundleFetcher? EntryBundle { get; init; }

    /// <summary>
    /// How many tiles (or entry bundles) may be fetched at once; the verifier still reads them in order. 1 (the default)
    /// for a transport that gains nothing from it (memory, files); a network transport hides its round trips behind it.
    /// </summary>
    public int MaxConcurrentFetches { get; init; } = 1;
}
