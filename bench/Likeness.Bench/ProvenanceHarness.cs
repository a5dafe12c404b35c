using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Likeness.Provenance;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Review;
using Likeness.Provenance.Signing;
using Likeness.Provenance.Validation;

namespace Likeness.Bench;

/// <summary>
/// Issue 18's goals for C2PA credentials (<c>bench provenance</c>), each beside a limit measured in the same run:
/// server-side claim signing (review + COSE_Sign1) per second against raw ECDSA P-256 signing; preparing and embedding
/// a credential into a 30 s WAV against SHA-256 over the same bytes; validating a credentialed file against the
/// reference implementation (c2pa-rs as WebAssembly, in node) on the same files.
/// </summary>
public static class ProvenanceHarness
{
    public static async Task RunAsync(int count, int oracleCount)
    {
        var (chainPem, _) = SigningChain.Create("Likeness Bench", DateTimeOffset.UtcNow);
        using var chain = SigningChain.Read(chainPem);
        var signer = chain.NewSigner();
        var facts = new RenderFacts("rnd_bench", "lic_bench", ["prf_bench"], 42, "likeness.bench/ledger", NotForTraining: true);
        var wav = Wav(seconds: 30);
        var prepared = Credential.Prepare(wav, facts, Guid.NewGuid()).Credential!;

        // 1. What the server does per credential, outside the writer: review the claim, sign it.
        var signed = 0;
        Time(100, () => Sign(prepared, signer));
        var perThread = Time(count, () => signed += Sign(prepared, signer) ? 1 : 0);
        var sw = Stopwatch.StartNew();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ => Sign(prepared, signer));
        var parallelRate = count / sw.Elapsed.TotalSeconds;
        using var raw = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var digest = SHA256.HashData(prepared.Claim);
        sw.Restart();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ => raw.SignHash(digest));
        var rawRate = count / sw.Elapsed.TotalSeconds;
        Console.WriteLine(Invariant($"claim signing (review + COSE_Sign1 ES256): {perThread:F1} µs on one thread; {parallelRate:F0}/s on {Environment.ProcessorCount} threads (goal ≥ 5,000/s); raw ECDSA P-256 signing {rawRate:F0}/s; ratio {parallelRate / rawRate:F2}; {signed}/{count} signed"));

        // 2. Preparing (hard binding + claim) and embedding into a 30 s WAV, against hashing the same bytes.
        var signature = signer.Sign(prepared.Claim, prepared.SignatureLength)!;
        var rounds = Math.Max(20, count / 100);
        var embed = Time(rounds, () => Credential.Prepare(wav, facts, Guid.NewGuid()).Credential!.Embed(signature)) / 1000;
        var hash = Time(rounds, () => SHA256.HashData(wav)) / 1000;
        Console.WriteLine(Invariant($"prepare + embed, 30 s WAV ({wav.Length / 1e6:F1} MB): {embed:F2} ms (goal ≤ 10 ms); SHA-256 of the file alone {hash:F2} ms; ratio {embed / hash:F2}"));

        // 3. Validation of the credentialed file, Likeness's validator beside the reference implementation.
        var file = Path.Combine(Path.GetTempPath(), $"likeness-bench-{Guid.NewGuid():N}.wav");
        var root = Path.ChangeExtension(file, ".pem");
        var credentialed = Credential.Prepare(wav, facts, Guid.NewGuid()).Credential!;
        var bytes = credentialed.Embed(signer.Sign(credentialed.Claim, credentialed.SignatureLength)!)!;
        await File.WriteAllBytesAsync(file, bytes);
        await File.WriteAllTextAsync(root, chain.TrustAnchorsPem);
        try
        {
            var at = DateTimeOffset.UtcNow;
            var state = ManifestValidator.Validate(bytes, [chain.Root], at).State;
            var ours = Time(rounds, () => ManifestValidator.Validate(bytes, [chain.Root], at)) / 1000;
            var theirs = await OracleAsync(file, root, oracleCount);
            Console.WriteLine(Invariant($"validate the 30 s WAV's credential: Likeness {ours:F2} ms ({state}; goal ≤ 10 ms); reference implementation {theirs?.Ms:F2} ms ({theirs?.State}); ratio {(theirs is null ? double.NaN : ours / theirs.Value.Ms):F3}"));
        }
        finally
        {
            File.Delete(file);
            File.Delete(root);
        }
    }

    private static bool Sign(PreparedCredential prepared, ClaimSigner signer) =>
        ClaimReview.Review(prepared.Claim, prepared.AssertionStore).Facts is not null && signer.Sign(prepared.Claim, prepared.SignatureLength) is not null;

    /// <summary>Microseconds per call.</summary>
    private static double Time(int count, Action work)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) work();
        return sw.Elapsed.TotalMicroseconds / count;
    }

    private static async Task<(string State, double Ms)?> OracleAsync(string file, string root, int count)
    {
        var dir = OracleDir();
        if (dir is null)
        {
            Console.WriteLine("reference implementation: tests/oracles/c2pa-run is not installed (scripts/test.sh installs it)");
            return null;
        }

        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "c2pa-time.mjs"), dir, file, "audio/wav", root, count.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var json = JsonNode.Parse(output)!;
        return (json["state"]!.GetValue<string>(), json["ms"]!.GetValue<double>());
    }

    private static string? OracleDir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var run = Path.Combine(d.FullName, "tests", "oracles", "c2pa-run");
            if (Directory.Exists(Path.Combine(run, "node_modules"))) return run;
        }

        return null;
    }

    /// <summary>A PCM WAV of <paramref name="seconds"/> seconds, 48 kHz stereo 16-bit, holding a tone.</summary>
    private static byte[] Wav(int seconds)
    {
        const int rate = 48_000, channels = 2;
        var frames = rate * seconds;
        var data = frames * channels * 2;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(4), (uint)(36 + data));
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(22), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(28), rate * channels * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(32), channels * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), (uint)data);
        for (var i = 0; i < frames; i++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 4)), sample);
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(46 + (i * 4)), sample);
        }

        return wav;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
