using System.Security.Cryptography;
using Likeness.Ledger;
using Likeness.Ledger.Verification;
using Xunit;

namespace Likeness.Tests.Ledger;

/// <summary>
/// <see cref="LogVerifier"/> over a log in memory: a clean log is proven with its size and root; each way of
/// tampering (an entry changed, removed, moved or inserted, a forked or shrunk log, a broken story, a foreign
/// key, a bad tile or proof) is a typed finding naming the first bad index where one can be named.
/// </summary>
public sealed class LogVerifierTests : IDisposable
{
    // 2 + 2·150 entries: two entry bundles, so tampering on the edge between them is covered too.
    private const int Renders = 150;

    private readonly ECDsa _key = MemoryLog.Key();

    public void Dispose() => _key.Dispose();

    private MemoryLog Honest() => MemoryLog.Build(Story.Renders(Renders), _key);

    private Task<LogVerification> VerifyAsync(MemoryLog log, string? trusted = null, bool auditor = true, PinnedKey? key = null) =>
        new LogVerifier(log.Fetchers(auditor), key ?? MemoryLog.Pinned(_key)).VerifyAsync(trusted);

    private static LogFinding Failed(LogVerification result)
    {
        Assert.False(result.Ok, "the verification passed");
        return result.Finding;
    }

    [Fact]
    public async Task A_clean_log_is_proven_with_its_size_root_and_story()
    {
        var log = Honest();
        var result = await VerifyAsync(log);

        Assert.True(result.Ok, result.Finding?.ToString());
        Assert.Equal(302, result.Log.Size);
        Assert.Equal(log.Root, result.Log.Root);
        Assert.Equal(MemoryLog.KeyName, result.Log.Origin);
        Assert.Equal(log.Note, result.Log.CheckpointNote);
        Assert.Null(result.Log.ConsistentWith);
        Assert.Equal(302, result.Log.EntriesReplayed);
        Assert.Equal(Renders, result.Log.RendersCompleted);
    }

    [Fact]
    public async Task A_log_that_grew_from_the_trusted_checkpoint_is_consistent_with_it()
    {
        var log = Honest();
        var result = await VerifyAsync(log, log.SignAt(20, _key));

        Assert.True(result.Ok, result.Finding?.ToString());
        Assert.Equal(20, result.Log.ConsistentWith);
        Assert.Equal(302, result.Log.Size);
    }

    [Fact]
    public async Task Without_entry_bundles_the_tree_is_proven_and_the_entries_are_not_replayed()
    {
        var result = await VerifyAsync(Honest(), auditor: false);

        Assert.True(result.Ok, result.Finding?.ToString());
        Assert.Null(result.Log.EntriesReplayed);
        Assert.Null(result.Log.RendersCompleted);
    }

    [Fact]
    public async Task An_empty_log_is_proven_at_size_zero()
    {
        var result = await new LogVerifier(MemoryLog.Build([], _key).Fetchers(), MemoryLog.Pinned(_key)).VerifyAsync();

        Assert.True(result.Ok, result.Finding?.ToString());
        Assert.Equal(0, result.Log.Size);
        Assert.Equal(Hashes.EmptyRoot(), result.Log.Root);
    }

    [Theory]
    [InlineData("change", 6, LogFindingKind.EntryChanged)]
    [InlineData("change", 255, LogFindingKind.EntryChanged)]
    [InlineData("change", 301, LogFindingKind.EntryChanged)]
    [InlineData("remove", 6, LogFindingKind.EntryRemoved)]
    [InlineData("remove", 255, LogFindingKind.EntryRemoved)]
    [InlineData("remove", 301, LogFindingKind.EntryRemoved)]
    [InlineData("swap", 6, LogFindingKind.EntryMoved)]
    [InlineData("swap", 255, LogFindingKind.EntryMoved)]
    [InlineData("move", 6, LogFindingKind.EntryMoved)]
    [InlineData("insert", 6, LogFindingKind.EntryInserted)]
    [InlineData("insert", 255, LogFindingKind.EntryInserted)]
    public async Task Tampering_with_an_entry_is_named_by_kind_and_first_bad_index(string what, int k, LogFindingKind kind)
    {
        var log = Honest();
        var served = log.Served;
        switch (what)
        {
            case "change":
                served[k] = Story.Entry("""{"at":"2026-02-01T00:00:00.000Z","kind":"render.cancelled","v":1}""");
                break;
            case "remove":
                served.RemoveAt(k);
                break;
            case "swap":
                (served[k], served[k + 1]) = (served[k + 1], served[k]);
                break;
            case "move":
                var later = served[k + 5];
                served.RemoveAt(k + 5);
                served.Insert(k, later);
                break;
            case "insert":
                served.Insert(k, Story.Entry("""{"kind":"x"}"""));
                break;
        }

        var finding = Failed(await VerifyAsync(log, log.Note));

        Assert.Equal(kind, finding.Kind);
        Assert.Equal(k, finding.FirstBadIndex);
        Assert.EndsWith($"first bad index {k}", finding.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', finding.ToString());
    }

    [Fact]
    public async Task A_checkpoint_of_the_trusted_size_with_another_root_is_a_fork()
    {
        var fork = MemoryLog.Build(Forged(10), _key);
        var finding = Failed(await VerifyAsync(fork, Honest().Note));

        Assert.Equal(LogFindingKind.Fork, finding.Kind);
        Assert.Null(finding.FirstBadIndex);
        Assert.Contains("two checkpoints of one size", finding.Message, StringComparison.Ordinal);
        Assert.Equal(fork.Note, finding.ServerNote);
        Assert.NotEqual(finding.ServerNote, finding.TrustedNote);
    }

    [Fact]
    public async Task A_longer_log_whose_first_entries_changed_is_a_fork()
    {
        var honest = Honest();
        var fork = MemoryLog.Build(Forged(10), _key);
        var finding = Failed(await VerifyAsync(fork, honest.SignAt(20, _key)));

        Assert.Equal(LogFindingKind.Fork, finding.Kind);
        Assert.Contains("first 20 entries no longer have the trusted root", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_that_shrank_is_a_fork_from_its_first_missing_index()
    {
        var shorter = MemoryLog.Build(Story.Renders(Renders).Take(100).ToList(), _key);
        var finding = Failed(await VerifyAsync(shorter, Honest().Note));

        Assert.Equal(LogFindingKind.Fork, finding.Kind);
        Assert.Equal(100, finding.FirstBadIndex);
        Assert.Contains("shrank", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_the_log_integrated_that_breaks_the_story_is_named_by_its_index()
    {
        var entries = Story.Renders(3);
        entries.Add(Story.Entry("""{"actualMs":999000,"at":"2026-11-01T12:00:00.000Z","kind":"render.completed","render":"rnd_never","v":1}"""));
        entries.AddRange(Story.Renders(2).Skip(2));
        var finding = Failed(await VerifyAsync(MemoryLog.Build(entries, _key)));

        Assert.Equal(LogFindingKind.BrokenStory, finding.Kind);
        Assert.Equal(8, finding.FirstBadIndex);
        Assert.Contains("not open", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_signed_by_another_key_is_a_bad_signature()
    {
        using var other = MemoryLog.Key("another key");
        var finding = Failed(await VerifyAsync(Honest(), key: MemoryLog.Pinned(other)));

        Assert.Equal(LogFindingKind.BadSignature, finding.Kind);
        Assert.Null(finding.FirstBadIndex);
        Assert.Contains("not signed by the pinned key", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_checkpoint_the_pinned_key_did_not_sign_is_reported_as_such()
    {
        using var other = MemoryLog.Key("another key");
        var log = Honest();
        var finding = Failed(await VerifyAsync(log, log.SignAt(20, other)));

        Assert.Equal(LogFindingKind.BadTrustedCheckpoint, finding.Kind);
    }

    [Fact]
    public async Task Altered_tiles_are_a_bad_tile_or_with_a_trusted_checkpoint_a_fork()
    {
        var log = Honest();
        log.TamperTile = (level, index, tile) => level == 0 && index == 0 ? new byte[tile.Length] : tile;

        var alone = Failed(await VerifyAsync(log));
        Assert.Equal(LogFindingKind.BadTile, alone.Kind);
        Assert.Contains("do not reproduce", alone.Message, StringComparison.Ordinal);

        var trusted = Failed(await VerifyAsync(log, log.SignAt(20, _key)));
        Assert.Equal(LogFindingKind.Fork, trusted.Kind);
    }

    [Fact]
    public async Task A_tile_of_the_wrong_width_is_named_by_its_first_index()
    {
        var log = Honest();
        log.TamperTile = (level, index, tile) => index == 1 ? tile[..^Hashes.Size] : tile;
        var finding = Failed(await VerifyAsync(log));

        Assert.Equal(LogFindingKind.BadTile, finding.Kind);
        Assert.Equal(256, finding.FirstBadIndex);
    }

    [Fact]
    public async Task A_consistency_proof_that_fails_is_reported()
    {
        var log = Honest();
        log.TamperProof = proof => proof.Select(_ => new byte[Hashes.Size]).ToList();
        var finding = Failed(await VerifyAsync(log, log.SignAt(20, _key)));

        Assert.Equal(LogFindingKind.BadConsistencyProof, finding.Kind);
    }

    [Fact]
    public async Task A_malformed_or_withheld_entry_bundle_is_reported()
    {
        var log = Honest();
        var honest = log.Fetchers();
        LogFetchers With(EntryBundleFetcher bundles) => new()
        {
            Checkpoint = honest.Checkpoint,
            Tile = honest.Tile,
            ConsistencyProof = honest.ConsistencyProof,
            EntryBundle = bundles,
        };

        var malformed = await new LogVerifier(With((_, _, _) => Task.FromResult<byte[]?>([0x00])), MemoryLog.Pinned(_key)).VerifyAsync();
        Assert.Equal(LogFindingKind.BadEntryBundle, Failed(malformed).Kind);
        Assert.Equal(0, malformed.Finding!.FirstBadIndex);

        var withheld = await new LogVerifier(With((i, w, c) => i == 0 ? honest.EntryBundle!(i, w, c) : Task.FromResult<byte[]?>(null)), MemoryLog.Pinned(_key)).VerifyAsync();
        Assert.Equal(LogFindingKind.BadEntryBundle, Failed(withheld).Kind);
        Assert.Equal(256, withheld.Finding!.FirstBadIndex);
    }

    [Fact]
    public async Task A_fetch_function_that_throws_is_not_a_finding()
    {
        var honest = Honest().Fetchers();
        var broken = new LogFetchers
        {
            Checkpoint = honest.Checkpoint,
            Tile = (_, _, _, _) => throw new HttpRequestException("unreachable"),
            ConsistencyProof = honest.ConsistencyProof,
        };

        await Assert.ThrowsAsync<HttpRequestException>(() => new LogVerifier(broken, MemoryLog.Pinned(_key)).VerifyAsync());
    }

    [Fact]
    public void An_inclusion_proof_checks_against_the_checkpoint_and_key_alone()
    {
        var log = Honest();
        var proof = TreeMath.InclusionProof(log.Nodes(), 42, log.Entries.Count);

        var ok = LogVerifier.VerifyInclusion(log.Note, MemoryLog.Pinned(_key), 42, log.Leaves[42], proof);
        Assert.True(ok.Ok, ok.Finding?.ToString());
        Assert.Equal(302, ok.Log.Size);

        var forged = LogVerifier.VerifyInclusion(log.Note, MemoryLog.Pinned(_key), 42, Hashes.Leaf("forged"u8), proof);
        Assert.Equal(LogFindingKind.NotIncluded, Failed(forged).Kind);
        Assert.Equal(42, forged.Finding!.FirstBadIndex);

        using var other = MemoryLog.Key("another key");
        var foreign = LogVerifier.VerifyInclusion(log.Note, MemoryLog.Pinned(other), 42, log.Leaves[42], proof);
        Assert.Equal(LogFindingKind.BadSignature, Failed(foreign).Kind);
    }

    /// <summary>The honest story with entry <paramref name="at"/> replaced: what a fork signed by the same key holds.</summary>
    private static List<byte[]> Forged(int at)
    {
        var entries = Story.Renders(Renders);
        entries[at] = Story.Entry("""{"at":"2026-02-01T00:00:00.000Z","kind":"consent.version","performer":"prf_2","v":1}""");
        return entries;
    }
}
