namespace Likeness.Provenance.Claims;

/// <summary>The labels and values of the C2PA structures a Likeness credential uses.</summary>
public static class Labels
{
    /// <summary>The manifest store's label.</summary>
    public const string Store = "c2pa";

    /// <summary>The assertion store's label.</summary>
    public const string AssertionStore = "c2pa.assertions";

    /// <summary>A version 2 claim (C2PA 2.x), which Likeness writes.</summary>
    public const string ClaimV2 = "c2pa.claim.v2";

    /// <summary>A version 1 claim, which Likeness reads (older credentials, the c2pa-rs fixtures).</summary>
    public const string ClaimV1 = "c2pa.claim";

    /// <summary>The claim signature's label.</summary>
    public const string Signature = "c2pa.signature";

    /// <summary>Actions, version 2.</summary>
    public const string Actions = "c2pa.actions.v2";

    /// <summary>The hard binding over the asset's bytes.</summary>
    public const string HashData = "c2pa.hash.data";

    /// <summary>What Likeness knows of the render.</summary>
    public const string Render = "dev.likeness.render";

    /// <summary>Training and data mining permissions.</summary>
    public const string TrainingMining = "c2pa.training-mining";

    /// <summary>The action for a new asset.</summary>
    public const string Created = "c2pa.created";

    /// <summary>IPTC's digital source type for media made by a trained model.</summary>
    public const string TrainedAlgorithmicMedia = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    /// <summary>The name the hard binding gives the excluded range.</summary>
    public const string ExclusionName = "jumbf manifest";

    /// <summary>The hash algorithm of every hash Likeness writes.</summary>
    public const string Sha256 = "sha256";

    /// <summary>The training-mining entries Likeness marks "notAllowed" when consent forbids training.</summary>
    public static readonly string[] TrainingUses = ["c2pa.ai_generative_training", "c2pa.ai_training", "c2pa.data_mining"];

    /// <summary>A hashed URI to an assertion of this manifest, relative as C2PA allows.</summary>
    public static string AssertionUri(string label) => $"self#jumbf={AssertionStore}/{label}";

    /// <summary>The claim's reference to its signature.</summary>
    public const string SignatureUri = "self#jumbf=" + Signature;
}
