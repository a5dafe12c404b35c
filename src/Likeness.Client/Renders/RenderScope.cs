using System.Security.Cryptography;

namespace Likeness.Client;

/// <summary>
/// One permitted render, from authorize to complete. Complete it with the output file (the scope hashes it itself,
/// and reads a WAV's seconds when none are given); dispose it without completing (the pipeline failed) and it
/// cancels the reservation, so the budget is not held until the reservation expires.
/// </summary>
/// <example>
/// <code>
/// await using var render = await likeness.Renders.AuthorizeAsync(request);
/// // … produce the output …
/// await render.CompleteAsync("take.wav");
/// </code>
/// </example>
public sealed class RenderScope : IAsyncDisposable
{
    private readonly RendersClient _renders;
    private bool _settled;

    internal RenderScope(RendersClient renders, Render render)
    {
        _renders = renders;
        Render = render;
        WatermarkToken = render.Watermark;
    }

    /// <summary>The render as last seen: authorized, then completed or cancelled.</summary>
    public Render Render { get; private set; }

    /// <summary>The render's id.</summary>
    public string RenderId => Render.RenderId;

    /// <summary>The seconds reserved: the output may not be longer.</summary>
    public decimal ReservedSeconds => Render.ReservedSeconds;

    /// <summary>What the permit obliges (a <c>label</c>, an <c>inform</c>, …).</summary>
    public IReadOnlyList<Obligation> Obligations => Render.Obligations;

    /// <summary>
    /// The 64-bit token (16 hex digits) this render's audio is to carry, drawn by the server at authorization; null for a
    /// render authorized before watermarks or with several performers.
    /// </summary>
    public string? WatermarkToken { get; }

    /// <summary>
    /// Embeds <see cref="WatermarkToken"/> into the 16-bit PCM WAV file at <paramref name="outputFile"/>, in place (the
    /// file is replaced whole). Do it before <see cref="CredentialAsync"/>: the credential binds the final audio.
    /// </summary>
    /// <exception cref="InvalidOperationException">The render carries no watermark token.</exception>
    /// <exception cref="ArgumentException">The file is not 16-bit PCM WAV at 8 kHz or more.</exception>
    public async Task WatermarkAsync(string outputFile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outputFile);
        var token = WatermarkToken ?? throw new InvalidOperationException($"render {RenderId} carries no watermark token");
        var marked = WavWatermark.Mark(await File.ReadAllBytesAsync(outputFile, ct).ConfigureAwait(false), token, outputFile);
        await OutputFile.ReplaceAsync(outputFile, marked, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Attaches a C2PA credential to the WAV or JPEG file at <paramref name="outputFile"/>, in place: the claim (the
    /// render, its licence and performer, its ledger entry, not for training) is built here over the file's bytes, signed
    /// by the server (<c>POST /v1/renders/{id}/credential</c>, which records its hash in the ledger) and embedded. Then
    /// complete the render with the same file: its recorded hash is the credentialed file's.
    /// </summary>
    /// <exception cref="ArgumentException">The file is neither a well-formed WAV nor JPEG.</exception>
    public Task<RenderCredential> CredentialAsync(string outputFile, CancellationToken ct = default) =>
        _renders.Provenance.CredentialFileAsync(Render, outputFile, ct);

    /// <summary>
    /// Completes the render with <paramref name="outputFile"/>: its SHA-256 and its seconds (<paramref name="actualSeconds"/>,
    /// or, for a WAV file, its duration read from its header, rounded up to the millisecond).
    /// </summary>
    /// <param name="outputFile">The final output (stamped, if it is stamped).</param>
    /// <param name="actualSeconds">Its seconds; read from a WAV's header when null.</param>
    /// <param name="fingerprint">An audio output's Chromaprint fingerprint (<see cref="Chromaprint.FingerprintAsync"/>), stored so a copy whose watermark was destroyed can still be identified.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <exception cref="ArgumentException">No seconds were given and the file is not a WAV whose duration can be read.</exception>
    public async Task<Render> CompleteAsync(string outputFile, decimal? actualSeconds = null, string? fingerprint = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(outputFile);
        var seconds = actualSeconds ?? WavAudio.Read(outputFile).Seconds;
        var stream = File.OpenRead(outputFile);
        await using (stream.ConfigureAwait(false))
        {
            return await CompleteAsync(stream, seconds, fingerprint, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Completes the render with the output read from <paramref name="output"/> (hashed here), its seconds and, for audio, its fingerprint.</summary>
    public async Task<Render> CompleteAsync(Stream output, decimal actualSeconds, string? fingerprint = null, CancellationToken ct = default)
    {
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(output, ct).ConfigureAwait(false));
        // The key is this render's: a retried or repeated completion of the same output settles once.
        Render = await _renders.CompleteAsync(RenderId, new CompleteRender(actualSeconds, sha256, fingerprint), $"complete-{RenderId}-{sha256[..16]}", ct).ConfigureAwait(false);
        _settled = true;
        return Render;
    }

    /// <summary>Cancels the render now, releasing its reservation.</summary>
    public async Task<Render> CancelAsync(CancellationToken ct = default)
    {
        Render = await _renders.CancelAsync(RenderId, ct).ConfigureAwait(false);
        _settled = true;
        return Render;
    }

    /// <summary>Cancels the reservation unless the render was completed or cancelled (best effort: the reservation lapses on its own otherwise).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_settled)
        {
            _settled = true;
            await _renders.CancelQuietlyAsync(RenderId).ConfigureAwait(false);
        }
    }
}
