using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Likeness.Application;
using Likeness.Application.Model;
using Likeness.Application.Vault;
using Likeness.Domain.Common;
using Likeness.Storage.Sqlite;

namespace Likeness.Bench;

/// <summary>
/// The custody vault on a real SQLite store and its file beside it (issue 20's goals, side by side in one run): a sealed
/// upload and download of one asset against a plain copy of the same bytes on the same disk (each made durable with an
/// fsync), the process's peak working set while they run, and crypto-shredding of a large and a small content.
/// </summary>
public static class CustodyHarness
{
    public static async Task RunAsync(int mebibytes, int parts)
    {
        var dir = Environment.GetEnvironmentVariable("LIKENESS_BENCH_KEEP") ?? Directory.CreateTempSubdirectory("likeness-bench-custody-").FullName;
        try
        {
            var source = Path.Combine(dir, "source.bin");
            var size = (long)mebibytes << 20;
            var sha = await WriteSourceAsync(source, size);
            Console.WriteLine($"content: {mebibytes} MiB in {parts} part(s), sha256 {Convert.ToHexStringLower(sha)[..16]}…, under {dir} (machine shared with other work)");

            var copy = Time(() => PlainCopy(source, Path.Combine(dir, "copy.bin")));
            File.Delete(Path.Combine(dir, "copy.bin"));

            await using var store = new SqliteStore(Path.Combine(dir, "bench.db"));
            using var core = await LikenessCore.OpenAsync(store, Likeness.Server.StoreFactory.SigningKeys(Path.Combine(dir, "bench.db"), null), TimeProvider.System, new LikenessOptions());
            var now = DateTimeOffset.UtcNow;
            var performer = new PartyRecord("prf_bench", PartyKind.Performer, "bench performer", [], now);
            await store.WriteAsync(s =>
            {
                s.InsertParty(performer, "hash-bench");
                for (var i = 0; i < 21; i++)
                {
                    s.InsertAsset(new AssetRecord($"ast_{i}", performer.Id, "bench", Modality.Voice, Tier.StaticReplica, null, null, [], now));
                }

                return 0;
            });

            using var memory = new PeakSampler();
            var upload = await TimeAsync(() => UploadAsync(core, performer, "ast_0", source, size, parts));
            var uploadPeak = memory.TakePeak();
            var downloaded = Path.Combine(dir, "download.bin");
            var download = await TimeAsync(async () =>
            {
                using var opened = await core.Vault.OpenAsync(performer, performer.Id, "ast_0");
                await using var f = new FileStream(downloaded, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
                await opened.CopyToAsync(f);
                await f.FlushAsync();
                f.Flush(flushToDisk: true);
            });
            var downloadPeak = memory.TakePeak();
            await using (var check = File.OpenRead(downloaded))
            {
                if (!SHA256.HashData(check).AsSpan().SequenceEqual(sha))
                {
                    throw new InvalidOperationException("The downloaded content is not the uploaded one.");
                }
            }

            File.Delete(downloaded);
            Console.WriteLine($"plain copy (+fsync):       {Seconds(copy)}  {Throughput(size, copy)}");
            Console.WriteLine($"sealed upload:             {Seconds(upload)}  {Throughput(size, upload)}  copy/upload ratio {Ratio(copy, upload)} (goal ≥ 0.80)  peak working set {uploadPeak >> 20} MiB");
            Console.WriteLine($"sealed download:           {Seconds(download)}  {Throughput(size, download)}  copy/download ratio {Ratio(copy, download)} (goal ≥ 0.80)  peak working set {downloadPeak >> 20} MiB");

            // Shredding: the large content, then 20 small ones; the time does not depend on the size.
            var shredLarge = await TimeAsync(() => core.Vault.ShredAsync(performer, performer.Id, "ast_0", null));
            var small = new List<TimeSpan>();
            var tiny = Path.Combine(dir, "tiny.bin");
            await File.WriteAllBytesAsync(tiny, RandomNumberGenerator.GetBytes(1024));
            for (var i = 1; i <= 20; i++)
            {
                await UploadAsync(core, performer, $"ast_{i}", tiny, 1024, 1);
                small.Add(await TimeAsync(() => core.Vault.ShredAsync(performer, performer.Id, $"ast_{i}", null)));
            }

            small.Sort();
            Console.WriteLine($"shred {mebibytes} MiB content: {shredLarge.TotalMilliseconds:F2} ms; 1 KiB contents: median {small[10].TotalMilliseconds:F2} ms, max {small[^1].TotalMilliseconds:F2} ms (goal ≤ 10 ms)");
            Console.WriteLine($"after shredding, the ciphertext is still on disk: {new DirectoryInfo(Path.Combine(dir, "bench.db.vault")).EnumerateFiles().Sum(f => f.Length) >> 20} MiB");
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("LIKENESS_BENCH_KEEP") is null)
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static async Task UploadAsync(LikenessCore core, PartyRecord performer, string asset, string source, long size, int parts)
    {
        var chunks = VaultCipher.ChunkCount(size);
        var perPart = ((chunks + parts - 1) / parts) * VaultCipher.ChunkBytes;
        await using var file = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        for (long start = 0; start < size || start == 0; start += perPart)
        {
            var length = Math.Min(perPart, size - start);
            var digest = await PartDigestAsync(source, start, length);
            var part = new ContentPart(start, length, start + length == size ? size : null, digest, null);
            file.Position = start;
            var answer = await core.Vault.PutPartAsync(performer, performer.Id, asset, part, new PartStream(file, length));
            if (answer.Refusal is { } refusal)
            {
                throw new InvalidOperationException(refusal.Message);
            }

            if (start + length >= size)
            {
                break;
            }
        }
    }

    // The client's work, done before the timed upload would be fairer still; a client must hash a part before sending it.
    private static async Task<byte[]> PartDigestAsync(string source, long start, long length)
    {
        await using var f = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        f.Position = start;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        for (long done = 0; done < length;)
        {
            var n = await f.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)));
            hash.AppendData(buffer, 0, n);
            done += n;
        }

        return hash.GetHashAndReset();
    }

    private static async Task<byte[]> WriteSourceAsync(string path, long size)
    {
        var block = new byte[16 << 20];
        new Random(20_2026).NextBytes(block);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        for (long done = 0; done < size;)
        {
            var n = (int)Math.Min(block.Length, size - done);
            block[0]++;
            await f.WriteAsync(block.AsMemory(0, n));
            hash.AppendData(block, 0, n);
            done += n;
        }

        f.Flush(flushToDisk: true);
        return hash.GetHashAndReset();
    }

    private static void PlainCopy(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var target = new FileStream(to, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        source.CopyTo(target, 1 << 20);
        target.Flush(flushToDisk: true);
    }

    private static TimeSpan Time(Action action)
    {
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed;
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed;
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    private static string Throughput(long bytes, TimeSpan t) => ((bytes >> 20) / t.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) + " MiB/s";

    private static string Ratio(TimeSpan copy, TimeSpan sealedTime) => (copy.TotalSeconds / sealedTime.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>A part's body: the next <paramref name="length"/> bytes of a file, as one request would carry them.</summary>
    private sealed class PartStream(Stream inner, long size) : Stream
    {
        private readonly long _size = size;
        private long _left = size;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _size;

        public override long Position { get => _size - _left; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken);
            _left -= n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Samples the process's working set every 20 ms on a thread of its own; <see cref="TakePeak"/> returns the peak since the last call.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public PeakSampler()
        {
            _thread = new Thread(() =>
            {
                using var self = Process.GetCurrentProcess();
                while (!_stop)
                {
                    self.Refresh();
                    var ws = self.WorkingSet64;
                    long seen;
                    while ((seen = Interlocked.Read(ref _peak)) < ws && Interlocked.CompareExchange(ref _peak, ws, seen) != seen)
                    {
                    }

                    Thread.Sleep(20);
                }
            })
            { IsBackground = true, Name = "working set sampler" };
            _thread.Start();
        }

        public long TakePeak() => Interlocked.Exchange(ref _peak, 0);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
