using System.Formats.Cbor;

namespace Likeness.Provenance.Claims;

/// <summary>A C2PA hashed URI: a JUMBF reference and the hash of the box it names.</summary>
/// <param name="Url">The reference (<c>self#jumbf=…</c>).</param>
/// <param name="Hash">The hash of the referenced superbox's payload.</param>
/// <param name="Alg">The hash algorithm when it differs from the claim's.</param>
public sealed record HashedUri(string Url, byte[] Hash, string? Alg)
{
    /// <summary>The label of the last JUMBF path segment (<c>c2pa.hash.data</c> in <c>…/c2pa.assertions/c2pa.hash.data</c>).</summary>
    public string Label => Url[(Url.LastIndexOf('/') + 1)..];

    internal void Write(CborWriter w)
    {
        w.WriteStartMap(2);
        w.WriteTextString("url");
        w.WriteTextString(Url);
        w.WriteTextString("hash");
        w.WriteByteString(Hash);
        w.WriteEndMap();
    }

    internal static HashedUri Read(CborReader r)
    {
        string? url = null, alg = null;
        byte[]? hash = null;
        var count = r.ReadStartMap();
        for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
        {
            switch (r.ReadTextString())
            {
                case "url": url = r.ReadTextString(); break;
                case "hash": hash = r.ReadByteString(); break;
                case "alg": alg = r.ReadTextString(); break;
                default: r.SkipValue(); break;
            }
        }
        r.ReadEndMap();
        if (url is null || hash is null) throw new CborContentException("a hashed URI lacks its url or hash");
        return new HashedUri(url, hash, alg);
    }
}
