using Likeness.Client;

namespace Likeness.Voice;

/// <summary>
/// What a finished take is: its render as completed, the file, its seconds and hash, the watermark token it carries, and
/// the time spent in Likeness's calls (reads, authorize, complete), in its stamps (watermark, credential, fingerprint)
/// and in synthesis.
/// </summary>
public sealed record VoiceTake(
    Render Render, string OutputFile, decimal Seconds, string OutputSha256, string? Watermark, TimeSpan InLikeness, TimeSpan InStamps, TimeSpan InSynthesis);

/// <summary>
/// The reference render worker's loop: authorize (the script as the prompt, the declared categories) → wait if
/// pending → synthesize with the performer's voice model → stamp (each <see cref="IRenderStamp"/>) → fingerprint the
/// final file (Chromaprint; none for a take under about 4 s) → complete with its hash, its fingerprint and its actual seconds. A failure after authorize cancels the reservation (the render scope's
/// disposal).
/// </summary>
public sealed class VoiceWorker(LikenessClient likeness, EspeakSynthesizer synthesizer, IReadOnlyList<IRenderStamp> stamps, TimeProvider clock)
{
    /// <summary>Told once when the render waits for the performer's approval.</summary>
    public Func<Render, Task>? OnPending { get; init; }

    /// <summary>The stamps every take gets: the watermark, then the C2PA credential.</summary>
    public static IReadOnlyList<IRenderStamp> Provenance { get; } = [new WatermarkStamp(), new CredentialStamp()];

    /// <summary>Renders one take.</summary>
    /// <exception cref="LikenessRenderDeniedException">The gateway refused it (every reason in <see cref="LikenessProblemException.Reasons"/>).</exception>
    /// <exception cref="VoiceWorkerException">The take cannot be made: no voice model, a take longer than the reservation, espeak-ng failing.</exception>
    public async Task<VoiceTake> RenderAsync(VoiceJob job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var script = await File.ReadAllTextAsync(job.ScriptFile, ct).ConfigureAwait(false);
        var inLikeness = clock.GetTimestamp();
        var license = await likeness.Licenses.GetAsync(job.LicenseId, ct).ConfigureAwait(false);
        var model = await VoiceModelAsync(license.PerformerId, job.AssetId, ct).ConfigureAwait(false);
        var request = new RenderRequest(
            job.LicenseId, "voice", job.Purpose, job.Territory, job.Language, job.RequestedSeconds ?? EspeakSynthesizer.EstimateSeconds(script, model),
            [.. job.ContentCategories], script, "newPerformance", job.Deliverable ?? Path.GetFileName(job.OutputFile));
        await using var render = await likeness.Renders.AuthorizeAsync(request, OnPending, ct: ct).ConfigureAwait(false);
        var likenessTime = clock.GetElapsedTime(inLikeness);

        var synthesis = clock.GetTimestamp();
        var partial = job.OutputFile + ".partial";
        decimal seconds;
        string? fingerprint;
        TimeSpan synthesisTime, stampTime;
        try
        {
            await synthesizer.SynthesizeAsync(job.ScriptFile, job.Language, model, partial, ct).ConfigureAwait(false);
            seconds = WavAudio.Read(partial).Seconds;
            if (seconds > render.ReservedSeconds)
            {
                throw new VoiceWorkerException($"the take is {seconds} s, longer than the {render.ReservedSeconds} s reserved: render again with --seconds {Math.Ceiling(seconds)} or more");
            }

            synthesisTime = clock.GetElapsedTime(synthesis);
            var stamping = clock.GetTimestamp();
            foreach (var stamp in stamps)
            {
                await stamp.StampAsync(render, partial, ct).ConfigureAwait(false);
            }

            fingerprint = await Chromaprint.FingerprintAsync(partial, ct: ct).ConfigureAwait(false);
            stampTime = clock.GetElapsedTime(stamping);
            File.Move(partial, job.OutputFile, overwrite: true);
        }
        finally
        {
            // A take that is not completed leaves no file behind (the scope cancels its render).
            File.Delete(partial);
        }

        var completing = clock.GetTimestamp();
        var completed = await render.CompleteAsync(job.OutputFile, seconds, fingerprint, ct).ConfigureAwait(false);
        likenessTime += clock.GetElapsedTime(completing);
        return new VoiceTake(completed, job.OutputFile, seconds, completed.OutputSha256!, render.WatermarkToken, likenessTime, stampTime, synthesisTime);
    }

    /// <summary>The performer's voice model: the named asset, or her first voice asset that carries one.</summary>
    private async Task<VoiceModel> VoiceModelAsync(string performerId, string? assetId, CancellationToken ct)
    {
        var assets = await likeness.Parties.AssetsAsync(performerId, ct).ConfigureAwait(false);
        var asset = assetId is null
            ? assets.FirstOrDefault(a => a is { Modality: "voice", VoiceModel: not null })
            : assets.FirstOrDefault(a => a.Id == assetId);
        return asset?.VoiceModel ?? throw new VoiceWorkerException(assetId is null
            ? $"performer {performerId} has no voice asset with a voice model: register one (asset add --voice …)"
            : $"asset {assetId} is not a voice asset of performer {performerId} with a voice model");
    }
}

/// <summary>A take the worker cannot make, for a reason it states in one line.</summary>
public sealed class VoiceWorkerException : Exception
{
    public VoiceWorkerException(string message)
        : base(message)
    {
    }

    public VoiceWorkerException()
    {
    }

    public VoiceWorkerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
