using System.Formats.Cbor;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Jumbf;

namespace Likeness.Provenance.Validation;

/// <summary>Reads the assertions Likeness understands out of their JUMBF boxes.</summary>
public static class AssertionReader
{
    /// <summary>The CBOR content of an assertion superbox, or null when it holds none.</summary>
    public static ReadOnlyMemory<byte>? Cbor(JumbfBox assertion)
    {
        var content = assertion.Children.FirstOrDefault(c => c.Type == "cbor");
        return content?.Payload;
    }

    /// <summary>Resolves a hashed URI's reference from <paramref name="manifest"/> in <paramref name="store"/>:
    /// relative (<c>self#jumbf=c2pa.assertions/x</c>) or absolute (<c>self#jumbf=/c2pa/urn…/c2pa.assertions/x</c>).</summary>
    public static JumbfBox? Resolve(JumbfBox store, JumbfBox manifest, string uri)
    {
        const string prefix = "self#jumbf=";
        if (!uri.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var path = uri[prefix.Length..];
        JumbfBox? at = manifest;
        if (path.StartsWith('/'))
        {
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0] != store.Label) return null;
            at = store.Child(parts[1]);
            path = string.Join('/', parts[2..]);
        }
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            at = at?.Child(part);
        }
        return at;
    }

    /// <summary>The <c>dev.likeness.render</c> facts, with <paramref name="notForTraining"/> from the training
    /// assertion; null when malformed.</summary>
    public static RenderFacts? Render(ReadOnlyMemory<byte> cbor, bool notForTraining)
    {
        try
        {
            var r = new CborReader(cbor, CborConformanceMode.Lax);
            string? render = null, license = null, origin = null;
            long? index = null;
            var performers = new List<string>();
            var count = r.ReadStartMap();
            for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                switch (r.ReadTextString())
                {
                    case "renderId": render = r.ReadTextString(); break;
                    case "licenseId": license = r.ReadTextString(); break;
                    case "logOrigin": origin = r.ReadTextString(); break;
                    case "ledgerIndex": index = r.ReadInt64(); break;
                    case "performerIds":
                        var n = r.ReadStartArray();
                        for (var j = 0; n is null ? r.PeekState() != CborReaderState.EndArray : j < n; j++) performers.Add(r.ReadTextString());
                        r.ReadEndArray();
                        break;
                    default: r.SkipValue(); break;
                }
            }
            r.ReadEndMap();
            if (render is null || license is null || origin is null || index is null) return null;
            return new RenderFacts(render, license, performers, index.Value, origin, notForTraining);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>True when the training-mining CBOR marks every use Likeness writes as <c>notAllowed</c>.</summary>
    public static bool ForbidsTraining(ReadOnlyMemory<byte> cbor)
    {
        try
        {
            var forbidden = new HashSet<string>();
            var r = new CborReader(cbor, CborConformanceMode.Lax);
            var count = r.ReadStartMap();
            for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                if (r.ReadTextString() != "entries") { r.SkipValue(); continue; }
                var n = r.ReadStartMap();
                for (var j = 0; n is null ? r.PeekState() != CborReaderState.EndMap : j < n; j++)
                {
                    var use = r.ReadTextString();
                    var m = r.ReadStartMap();
                    for (var k = 0; m is null ? r.PeekState() != CborReaderState.EndMap : k < m; k++)
                    {
                        if (r.ReadTextString() == "use" && r.PeekState() == CborReaderState.TextString && r.ReadTextString() == "notAllowed") forbidden.Add(use);
                        else r.SkipValue();
                    }
                    r.ReadEndMap();
                }
                r.ReadEndMap();
            }
            r.ReadEndMap();
            return Labels.TrainingUses.All(forbidden.Contains);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    /// <summary>The first action's name and digital source type from <c>c2pa.actions(.v2)</c>, or null.</summary>
    public static (string Action, string? SourceType)? FirstAction(ReadOnlyMemory<byte> cbor)
    {
        try
        {
            var r = new CborReader(cbor, CborConformanceMode.Lax);
            var count = r.ReadStartMap();
            for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                if (r.ReadTextString() != "actions") { r.SkipValue(); continue; }
                var n = r.ReadStartArray();
                if (n == 0 || r.PeekState() != CborReaderState.StartMap) return null;
                string? action = null, source = null;
                var m = r.ReadStartMap();
                for (var k = 0; m is null ? r.PeekState() != CborReaderState.EndMap : k < m; k++)
                {
                    switch (r.ReadTextString())
                    {
                        case "action": action = r.ReadTextString(); break;
                        case "digitalSourceType": source = r.ReadTextString(); break;
                        default: r.SkipValue(); break;
                    }
                }
                return action is null ? null : (action, source);
            }
            return null;
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The hard binding: the excluded ranges, the algorithm and the expected hash; null when malformed.</summary>
    public static (IReadOnlyList<(long Start, long Length)> Exclusions, string Alg, byte[] Hash)? HashData(ReadOnlyMemory<byte> cbor, string claimAlg)
    {
        try
        {
            var r = new CborReader(cbor, CborConformanceMode.Lax);
            var exclusions = new List<(long, long)>();
            byte[]? hash = null;
            var alg = claimAlg;
            var count = r.ReadStartMap();
            for (var i = 0; count is null ? r.PeekState() != CborReaderState.EndMap : i < count; i++)
            {
                switch (r.ReadTextString())
                {
                    case "hash": hash = r.ReadByteString(); break;
                    case "alg": alg = r.ReadTextString(); break;
                    case "exclusions":
                        var n = r.ReadStartArray();
                        for (var j = 0; n is null ? r.PeekState() != CborReaderState.EndArray : j < n; j++)
                        {
                            long start = -1, length = -1;
                            var m = r.ReadStartMap();
                            for (var k = 0; m is null ? r.PeekState() != CborReaderState.EndMap : k < m; k++)
                            {
                                switch (r.ReadTextString())
                                {
                                    case "start": start = r.ReadInt64(); break;
                                    case "length": length = r.ReadInt64(); break;
                                    default: r.SkipValue(); break;
                                }
                            }
                            r.ReadEndMap();
                            if (start < 0 || length < 0) return null;
                            exclusions.Add((start, length));
                        }
                        r.ReadEndArray();
                        break;
                    default: r.SkipValue(); break;
                }
            }
            r.ReadEndMap();
            return hash is null ? null : (exclusions, alg, hash);
        }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
