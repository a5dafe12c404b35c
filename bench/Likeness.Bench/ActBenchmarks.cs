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
}
