using System.Security.Cryptography.X509Certificates;
using System.Text;
using Likeness.Provenance.Validation;
using Xunit;

namespace Likeness.Tests.Provenance;

/// <summary>
/// Likeness's credentials validate in the C2PA reference implementation, tampering fails there as C2PA says, and
/// Likeness's own validator (what <c>provenance verify</c> runs) agrees with it on each file and on c2pa-rs's fixtures.
/// </summary>
public sealed class OracleAgreementTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("likeness-c2pa-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static async Task<(OracleVerdict Oracle, ValidationReport Ours)> BothAsync(string file, string trustPem)
    {
        var oracle = await C2paOracle.ValidateAsync(file, trustPem);
        var anchors = new X509Certificate2Collection();
        anchors.ImportFromPemFile(trustPem);
        var ours = ManifestValidator.Validate(File.ReadAllBytes(file), [.. anchors], Samples.ValidatedAt);
        return (oracle, ours);
    }

    private static void AssertAgree(OracleVerdict oracle, ValidationReport ours, string expectedState, params string[] expectedFailures)
    {
        Assert.True(oracle.State == expectedState, $"the oracle said {oracle.State}: {oracle.Json}");
        Assert.Equal(expectedState, ours.State.ToString());
        Assert.Equal(expectedFailures.Order(), oracle.Failures.Distinct().Order());
        Assert.Equal(expectedFailures.Order(), ours.Failures.Select(f => f.Code).Distinct().Order());
    }

    [Theory]
    [InlineData("sample1.wav")]
    [InlineData("C.jpg")]
    public async Task A_signed_file_is_trusted_under_the_operators_root(string fixture)
    {
        using var chain = Samples.Chain();
        var signed = Write("signed-" + fixture, Samples.Sign(File.ReadAllBytes(C2paOracle.Fixture(fixture)), chain));
        var (oracle, ours) = await BothAsync(signed, Samples.RootPem(_dir, chain));
        AssertAgree(oracle, ours, "Trusted");
        Assert.Equal(Samples.Facts, ours.Render! with { PerformerIds = Samples.Facts.PerformerIds });
        Assert.True(ours.Render!.SameAs(Samples.Facts));
    }

    [Fact]
    public async Task A_manifest_over_several_APP11_segments_is_trusted()
    {
        // A signature box of 64 KiB pushes the store past one segment's capacity.
        using var chain = Samples.Chain();
        var signed = Write("big.jpg", Samples.Sign(File.ReadAllBytes(C2paOracle.Fixture("C.jpg")), chain, signatureLength: 65536));
        var (oracle, ours) = await BothAsync(signed, Samples.RootPem(_dir, chain));
        AssertAgree(oracle, ours, "Trusted");
    }

    [Fact]
    public async Task One_changed_audio_sample_breaks_the_hard_binding()
    {
        using var chain = Samples.Chain();
        var bytes = Samples.Sign(File.ReadAllBytes(C2paOracle.Fixture("sample1.wav")), chain);
        var data = bytes.AsSpan().IndexOf("data"u8);
        bytes[data + 8 + 1000] ^= 0x01; // one bit of one sample, well inside the audio
        var (oracle, ours) = await BothAsync(Write("changed-sample.wav", bytes), Samples.RootPem(_dir, chain));
        AssertAgree(oracle, ours, "Invalid", "assertion.dataHash.mismatch");
    }

    [Fact]
    public async Task A_changed_claim_byte_fails_the_signature()
    {
        using var chain = Samples.Chain();
        var bytes = Samples.Sign(File.ReadAllBytes(C2paOracle.Fixture("sample1.wav")), chain);
        // The claim's instanceID names the manifest id; one hex digit of it changes (the claim stays well-formed CBOR).
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes($"xmp:iid:{Samples.ManifestId:D}"));
        Assert.True(at > 0);
        bytes[at + 8] = bytes[at + 8] == (byte)'2' ? (byte)'3' : (byte)'2';
        var (oracle, ours) = await BothAsync(Write("changed-claim.wav", bytes), Samples.RootPem(_dir, chain));
        AssertAgree(oracle, ours, "Invalid", "claimSignature.mismatch");
    }

    [Fact]
    public async Task An_unknown_root_leaves_the_file_valid_but_untrusted()
    {
        using var chain = Samples.Chain();
        using var other = Samples.OtherChain();
        var signed = Write("untrusted.wav", Samples.Sign(File.ReadAllBytes(C2paOracle.Fixture("sample1.wav")), chain));
        var (oracle, ours) = await BothAsync(signed, Samples.RootPem(_dir, other));
        AssertAgree(oracle, ours, "Valid", "signingCredential.untrusted");
    }

    [Theory]
    [InlineData("C.jpg", "Trusted", "")]
    [InlineData("CA.jpg", "Trusted", "")]
    [InlineData("XCA.jpg", "Invalid", "assertion.dataHash.mismatch")]
    [InlineData("E-sig-CA.jpg", "Invalid", "claimSignature.mismatch")]
    [InlineData("sample1.wav", "NoManifest", "")]
    public async Task The_reference_fixtures_under_their_test_root(string fixture, string state, string failure)
    {
        var (oracle, ours) = await BothAsync(C2paOracle.Fixture(fixture), C2paOracle.TestRoots);
        AssertAgree(oracle, ours, state, failure.Length == 0 ? [] : [failure]);
    }
}
