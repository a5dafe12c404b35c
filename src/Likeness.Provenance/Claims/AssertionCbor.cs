using System.Formats.Cbor;

namespace Likeness.Provenance.Claims;

/// <summary>Writes the CBOR content of the assertions a Likeness credential carries.</summary>
public static class AssertionCbor
{
    /// <summary><c>c2pa.actions.v2</c>: the file was created, by a trained model.</summary>
    public static byte[] Actions(string generator)
    {
        var w = new CborWriter();
        w.WriteStartMap(1);
        w.WriteTextString("actions");
        w.WriteStartArray(1);
        w.WriteStartMap(3);
        w.WriteTextString("action");
        w.WriteTextString(Labels.Created);
        w.WriteTextString("digitalSourceType");
        w.WriteTextString(Labels.TrainedAlgorithmicMedia);
        w.WriteTextString("softwareAgent");
        w.WriteStartMap(1);
        w.WriteTextString("name");
        w.WriteTextString(generator);
        w.WriteEndMap();
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary><c>dev.likeness.render</c>: the render, licence, performers and the log that records them.</summary>
    public static byte[] Render(RenderFacts facts)
    {
        var w = new CborWriter();
        w.WriteStartMap(5);
        w.WriteTextString("renderId");
        w.WriteTextString(facts.RenderId);
        w.WriteTextString("licenseId");
        w.WriteTextString(facts.LicenseId);
        w.WriteTextString("performerIds");
        w.WriteStartArray(facts.PerformerIds.Count);
        foreach (var id in facts.PerformerIds) w.WriteTextString(id);
        w.WriteEndArray();
        w.WriteTextString("ledgerIndex");
        w.WriteInt64(facts.LedgerIndex);
        w.WriteTextString("logOrigin");
        w.WriteTextString(facts.LogOrigin);
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary><c>c2pa.training-mining</c>: training, generative training and data mining not allowed.</summary>
    public static byte[] NotForTraining()
    {
        var w = new CborWriter();
        w.WriteStartMap(1);
        w.WriteTextString("entries");
        w.WriteStartMap(Labels.TrainingUses.Length);
        foreach (var use in Labels.TrainingUses)
        {
            w.WriteTextString(use);
            w.WriteStartMap(1);
            w.WriteTextString("use");
            w.WriteTextString("notAllowed");
            w.WriteEndMap();
        }
        w.WriteEndMap();
        w.WriteEndMap();
        return w.Encode();
    }

    /// <summary>
    /// <c>c2pa.hash.data</c>: the SHA-256 of the asset without the manifest's place. Its <c>pad</c> makes the encoding
    /// exactly <see cref="HashDataLength"/> bytes whatever the offsets, so the store's size is known before the hash.
    /// </summary>
    public static byte[] HashData(long start, long length, ReadOnlySpan<byte> hash)
    {
        var unpadded = HashDataCore(start, length, hash, pad: 0);
        return HashDataCore(start, length, hash, pad: HashDataLength - unpadded.Length);
    }

    /// <summary>The fixed length of <see cref="HashData"/>'s encoding (offsets up to 2^32 - 1).</summary>
    public static readonly int HashDataLength = HashDataCore(uint.MaxValue, uint.MaxValue, new byte[32], pad: 0).Length;

    private static byte[] HashDataCore(long start, long length, ReadOnlySpan<byte> hash, int pad)
    {
        var w = new CborWriter();
        w.WriteStartMap(5);
        w.WriteTextString("exclusions");
        w.WriteStartArray(1);
        w.WriteStartMap(2);
        w.WriteTextString("start");
        w.WriteInt64(start);
        w.WriteTextString("length");
        w.WriteInt64(length);
        w.WriteEndMap();
        w.WriteEndArray();
        w.WriteTextString("name");
        w.WriteTextString(Labels.ExclusionName);
        w.WriteTextString("alg");
        w.WriteTextString(Labels.Sha256);
        w.WriteTextString("hash");
        w.WriteByteString(hash);
        w.WriteTextString("pad");
        w.WriteByteString(new byte[pad]);
        w.WriteEndMap();
        return w.Encode();
    }
}
