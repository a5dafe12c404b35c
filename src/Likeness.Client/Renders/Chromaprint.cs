using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Likeness.Watermark.Fingerprints;

namespace Likeness.Client;

/// <summary>
/// An audio file's Chromaprint fingerprint, from <c>fpcalc</c> (Debian's <c>libchromaprint-tools</c>): base64 of its
/// 32-bit sub-fingerprints, little-endian, as the API takes it (a render's completion, an identification). fpcalc
/// decodes any format ffmpeg reads.
/// </summary>
public static class Chromaprint
{
    /// <summary>The longest audio fingerprinted, in seconds (two hours).</summary>
    public const int MaxSeconds = 7200;

    /// <summary>Fingerprints the file at <paramref name="file"/>; null when it holds too little audio (under about 4 s) to identify.</summary>
    /// <exception cref="InvalidOperationException">fpcalc is not installed or cannot read the file (its reason in the message).</exception>
    public static async Task<string?> FingerprintAsync(string file, string fpcalc = "fpcalc", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var psi = new ProcessStartInfo(fpcalc) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // -ignore-errors: fpcalc 1.5 reports the end of a WAV written by a streaming encoder (espeak-ng, ffmpeg) as an error.
        foreach (var a in new[] { "-raw", "-json", "-ignore-errors", "-length", MaxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), file })
        {
            psi.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {fpcalc}");
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException($"{fpcalc} (Debian's libchromaprint-tools) is not installed: it computes the audio fingerprint");
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            var output = await process.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var why = (await errors.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit {process.ExitCode}";
                throw new InvalidOperationException($"{fpcalc} cannot fingerprint {file}: {why}");
            }

            using var json = JsonDocument.Parse(output);
            var items = json.RootElement.GetProperty("fingerprint");
            var bytes = new byte[items.GetArrayLength() * 4];
            var at = 0;
            foreach (var item in items.EnumerateArray())
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), item.GetUInt32());
                at += 4;
            }

            return bytes.Length / 4 >= AudioFingerprint.MinItems ? Convert.ToBase64String(bytes) : null;
        }
    }
}
