using System.Formats.Cbor;
using System.Security.Cryptography;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Jumbf;
using Likeness.Provenance.Validation;

namespace Likeness.Provenance.Review;

/// <summary>What a signer learns from a claim it is asked to sign: the render facts it states, or why it will not sign.</summary>
public sealed record ClaimReviewOutcome(RenderFacts? Facts, string? Refusal);

/// <summary>
/// Reads a claim and its assertion store as a signer must before signing: every hashed URI points into the store
/// and matches; the claim vouches for exactly the assertions a Likeness credential makes (actions, hard binding,
/// render, and the training mark when present), each once; the action is <c>c2pa.created</c> of
/// <c>trainedAlgorithmicMedia</c>. It answers the facts stated, which the signer compares with what it knows.
/// </summary>
public static class ClaimReview
{
    private static readonly HashSet<string> Allowed = [Labels.Actions, Labels.HashData, Labels.Render, Labels.TrainingMining];

    /// <summary>Reviews <paramref name="claim"/> (CBOR) against <paramref name="assertionStore"/> (its JUMBF superbox).</summary>
    public static ClaimReviewOutcome Review(ReadOnlyMemory<byte> claim, ReadOnlyMemory<byte> assertionStore)
    {
        Claim parsed;
        try { parsed = Claim.Decode(claim); }
        catch (Exception e) when (e is CborContentException or InvalidOperationException or FormatException)
        {
            return Refuse("the claim is not a C2PA claim");
        }
        if (parsed.SignatureUri != Labels.SignatureUri) return Refuse($"the claim's signature reference is not {Labels.SignatureUri}");
        if (parsed.Alg != Labels.Sha256) return Refuse("the claim's hash algorithm is not sha256");

        var store = JumbfBox.Read(assertionStore);
        if (store is null || store.ContentType != BoxTypes.AssertionStore || store.Label != Labels.AssertionStore || store.Length != assertionStore.Length)
        {
            return Refuse("the assertion store is not a c2pa.assertions superbox");
        }

        var seen = new Dictionary<string, ReadOnlyMemory<byte>>();
        foreach (var uri in parsed.Assertions)
        {
            if (uri.Url != Labels.AssertionUri(uri.Label) || !Allowed.Contains(uri.Label)) return Refuse($"the claim vouches for {uri.Url}, which a Likeness credential does not carry");
            if (seen.ContainsKey(uri.Label)) return Refuse($"the claim names {uri.Label} twice");
            var box = store.Child(uri.Label);
            if (box is null) return Refuse($"{uri.Label} is not in the assertion store");
            if ((uri.Alg ?? Labels.Sha256) != Labels.Sha256 || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(box.Payload.Span), uri.Hash))
            {
                return Refuse($"{uri.Label} does not match its hash in the claim");
            }
            var cbor = AssertionReader.Cbor(box);
            if (cbor is null) return Refuse($"{uri.Label} holds no CBOR");
            seen[uri.Label] = cbor.Value;
        }

        if (!seen.TryGetValue(Labels.Actions, out var actions)
            || AssertionReader.FirstAction(actions) is not { Action: Labels.Created, SourceType: Labels.TrainedAlgorithmicMedia })
        {
            return Refuse($"the claim's first action is not {Labels.Created} of {Labels.TrainedAlgorithmicMedia}");
        }
        if (!seen.TryGetValue(Labels.HashData, out var hashData) || AssertionReader.HashData(hashData, Labels.Sha256) is not { Exclusions.Count: 1, Alg: Labels.Sha256, Hash.Length: 32 })
        {
            return Refuse("the claim has no hard binding (c2pa.hash.data, sha256, one exclusion)");
        }
        var notForTraining = seen.TryGetValue(Labels.TrainingMining, out var training) && AssertionReader.ForbidsTraining(training);
        if (seen.ContainsKey(Labels.TrainingMining) && !notForTraining) return Refuse("the training-mining assertion does not forbid training and mining");
        var facts = seen.TryGetValue(Labels.Render, out var render) ? AssertionReader.Render(render, notForTraining) : null;
        return facts is null ? Refuse($"the claim has no well-formed {Labels.Render} assertion") : new ClaimReviewOutcome(facts, null);
    }

    private static ClaimReviewOutcome Refuse(string why) => new(null, why);
}
