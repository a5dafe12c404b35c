using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Likeness.Ledger.Acts;

namespace Likeness.Bench;

/// <summary>
/// What the server does per signed act (issue 14's goal: at most 100 µs): read the JWS, import the party's key from its
/// stored SPKI, and verify the signature over the act's signed form (<c>bench micro --filter *ActBenchmarks*</c>).
/// </summary>
[MemoryDiagnoser]
public class ActBenchmarks
{
    private byte[] _spki = null!;
    private string _jws = null!;
    private string _signedForm = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _spki = key.ExportSubjectPublicKeyInfo();
        var kid = PartyKey.FromSpki(_spki).Kid;
        _signedForm = ActSignature.SignedForm("PUT", "/v1/performers/prf_0193a1b2c3d4e5f60718293a4b5c6d7e/consent", new string('a', 64), "act-0001");
        _jws = ActSignature.Sign(key, kid, _signedForm, DateTimeOffset.UtcNow);
    }

    [Benchmark]
    public bool VerifySignedAct() =>
        ActSignature.TryParse(_jws, out var signature, out _) && signature.IsBySpki(_spki, _signedForm);

    /// <summary>
    /// The same verification timed in a loop, in process (<c>bench acts</c>): the mean and the allocation per signed act,
    /// for machines where BenchmarkDotNet's generated project does not build.
    /// </summary>
    public static void Time(int count)
    {
        var bench = new ActBenchmarks();
        bench.Setup();
        for (var i = 0; i < 1000; i++)
        {
            bench.VerifySignedAct();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var ok = 0;
        for (var i = 0; i < count; i++)
        {
            ok += bench.VerifySignedAct() ? 1 : 0;
        }

        Console.WriteLine(System.FormattableString.Invariant(
            $"verify a signed act (ES256, key imported from its SPKI): {sw.Elapsed.TotalMicroseconds / count:F1} µs and {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)count:F0} B each, {ok}/{count} verified"));

        // Where the time goes: the platform's ECDSA verification alone, with a key imported once.
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var verifier = ECDsa.Create();
        verifier.ImportSubjectPublicKeyInfo(signer.ExportSubjectPublicKeyInfo(), out _);
        var data = System.Text.Encoding.UTF8.GetBytes(bench._signedForm);
        var sig = signer.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        sw.Restart();
        for (var i = 0; i < count; i++)
        {
            ok += verifier.VerifyData(data, sig, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation) ? 1 : 0;
        }

        Console.WriteLine(System.FormattableString.Invariant($"  of which ECDSA P-256 verification alone (key imported once): {sw.Elapsed.TotalMicroseconds / count:F1} µs"));
    }
}
