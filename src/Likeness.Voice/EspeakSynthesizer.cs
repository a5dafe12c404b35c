using System.Diagnostics;
using System.Globalization;
using Likeness.Client;

namespace Likeness.Voice;

/// <summary>
/// Speech from espeak-ng, a real process (<c>espeak-ng -w FILE -f SCRIPT</c>), driven by a voice asset's parameters:
/// its voice, pitch, speed and variant stand in for a voice model.
/// </summary>
public sealed class EspeakSynthesizer(string executable = "espeak-ng")
{
    /// <summary>
    /// The espeak-ng voice for <paramref name="language"/>: the asset's own voice when it speaks that language,
    /// otherwise the language's voice; the asset's variant (its timbre) either way.
    /// </summary>
    public static string VoiceFor(VoiceModel model, string language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(language);
        var primary = language.Split('-')[0].ToLowerInvariant();
        var voice = model.Voice.Split('-')[0] == primary ? model.Voice : language.ToLowerInvariant();
        return model.Variant is null ? voice : $"{voice}+{model.Variant}";
    }

    /// <summary>The seconds to reserve for a script: its words at the model's speed, with a quarter more and one second for pauses.</summary>
    public static decimal EstimateSeconds(string script, VoiceModel model)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(model);
        var words = script.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var wordsPerMinute = model.Speed ?? 175; // espeak-ng's default speed
        return Math.Ceiling((words * 60m / wordsPerMinute * 1.25m) + 1m);
    }

    /// <summary>Writes the script spoken in <paramref name="language"/> as a WAV file at <paramref name="outputFile"/>.</summary>
    /// <exception cref="InvalidOperationException">espeak-ng failed (its error is in the message).</exception>
    public async Task SynthesizeAsync(string scriptFile, string language, VoiceModel model, string outputFile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var psi = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-v");
        psi.ArgumentList.Add(VoiceFor(model, language));
        if (model.Pitch is { } pitch)
        {
            psi.ArgumentList.Add("-p");
            psi.ArgumentList.Add(pitch.ToString(CultureInfo.InvariantCulture));
        }

        if (model.Speed is { } speed)
        {
            psi.ArgumentList.Add("-s");
            psi.ArgumentList.Add(speed.ToString(CultureInfo.InvariantCulture));
        }

        psi.ArgumentList.Add("-w");
        psi.ArgumentList.Add(outputFile);
        psi.ArgumentList.Add("-f");
        psi.ArgumentList.Add(scriptFile);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {executable}");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = await process.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var error = (await stderr.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0 || !File.Exists(outputFile))
        {
            throw new InvalidOperationException($"{executable} failed (exit {process.ExitCode}): {error.ReplaceLineEndings(" ")}");
        }
    }
}
