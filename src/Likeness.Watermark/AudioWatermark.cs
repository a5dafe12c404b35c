namespace Likeness.Watermark;

/// <summary>
/// The watermark's library face (docs/PROVENANCE.md, "The watermark"): embed a render's 64-bit token into mono audio, and
/// find tokens in audio with their time ranges. Pure: samples in, samples or findings out; no files, no clock.
/// Samples are floats at full scale ±1, at any rate of 8 kHz or more; the marked audio has the same length and rate.
/// </summary>
public static class AudioWatermark
{
    /// <summary>The marked copy of <paramref name="samples"/>. The mark lies between 300 and 3,500 Hz, in proportion to the
    /// speech's loudness there; the caller clips or converts the result as it would the input.</summary>
    public static float[] Embed(ReadOnlySpan<float> samples, int sampleRate, WatermarkToken token)
    {
        CheckRate(sampleRate);
        return Embedder.Embed(samples, sampleRate, token);
    }

    /// <summary>Every token found, with its time ranges and confidence, and the marked stretches that could not be read.</summary>
    public static WatermarkReport Detect(ReadOnlySpan<float> samples, int sampleRate)
    {
        CheckRate(sampleRate);
        return Detector.Detect(samples, sampleRate);
    }

    private static void CheckRate(int sampleRate)
    {
        if (sampleRate < Stft.Rate || sampleRate > 384_000)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "The watermark needs audio sampled at 8 kHz to 384 kHz.");
        }
    }
}
