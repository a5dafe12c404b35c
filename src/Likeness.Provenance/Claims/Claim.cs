using System.Formats.Cbor;

namespace Likeness.Provenance.Claims;

/// <summary>
/// A C2PA claim: the assertions it vouches for (by hashed URI) and where its signature is. Likeness writes version 2
/// claims (<c>c2pa.claim.v2</c>: <c>created_assertions</c>); it reads version 1 too (<c>assertions</c>).
/// </summary>
public sealed record Claim(string InstanceId, string Generator, string SignatureUri, IReadOnlyList<HashedUri> Assertions, string Alg)
{
    /// <summary>The claim's CBOR, version 2: the bytes the signature covers.</summary>
    public byte[] Encode()
    {
        var w = new CborWriter();
        w.WriteStartMap(5);
        w.WriteTextString("instanceID");
        w.WriteTextString(InstanceId);
        w.WriteTextString("claim_generator_info");
        w.WriteStartMap(1);
        w.WriteTextString("name");
        w.WriteTextString(Generator);
        w.WriteEndMap();
        w.WriteTextString("signature");
        w.WriteTextString(SignatureUri);
        w.WriteTextString("created_assertions");
        w.WriteStartArray(Assertions.Count);
        foreach (var a in Assertions) a.Write(w);
        w.WriteEndArray();
        w.WriteTextString("alg");
        w.WriteTextString(Alg);
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>Reads a claim of either version; throws <see cref="CborContentException"/> when it is not one.</summary>
    public static Claim Decode(ReadOnlyMemory<byte> cbor)
    {
        var r = new CborReader(cbor, CborConformanceMode.Lax);
        string instance = "", generator = "", signature = "", alg = Labels.Sha256;
        var assertions = new List<HashedUri>();
        var count = r.ReadStartMap();
        for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            switch (r.ReadTextString())
            {
                case "instanceID": instance = r.ReadTextString(); break;
                case "claim_generator": generator = r.ReadTextString(); break;
                case "claim_generator_info" when r.PeekState() == CborReaderState.StartMap: generator = GeneratorName(r); break;
                case "signature": signature = r.ReadTextString(); break;
                case "alg": alg = r.ReadTextString(); break;
                case "assertions" or "created_assertions" or "gathered_assertions": ReadUris(r, assertions); break;
                default: r.SkipValue(); break;
            }
        }
        r.ReadEndMap();
        if (signature.Length == 0 || assertions.Count == 0) throw new CborContentException("a claim names its signature and its assertions");
        return new Claim(instance, generator, signature, assertions, alg);
    }

    private static void ReadUris(CborReader r, List<HashedUri> into)
    {
        var count = r.ReadStartArray();
        for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndArray : i < count; i++) into.Add(HashedUri.Read(r));
        r.ReadEndArray();
    }

    private static string GeneratorName(CborReader r)
    {
        var name = "";
        var count = r.ReadStartMap();
        for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            if (r.ReadTextString() == "name" && r.PeekState() == CborReaderState.TextString) name = r.ReadTextString();
            else r.SkipValue();
        }
        r.ReadEndMap();
        return name;
    }
}
