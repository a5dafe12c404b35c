using System.Diagnostics.CodeAnalysis;

namespace Likeness.Ledger.Verification;

/// <summary>
/// The log key a verifier trusts: the note key name and its DER SubjectPublicKeyInfo. It is pinned by the caller
/// (a file, trust on first use, an SDK's configuration), never taken from the log being checked.
/// </summary>
public sealed record PinnedKey(string Name, byte[] Spki)
{
    /// <summary>Opens a signed note with this key; false with the reason when it does not verify.</summary>
    public bool TryOpen(string note, [NotNullWhen(true)] out Checkpoint? checkpoint, [NotNullWhen(false)] out string? problem)
    {
        // Checkpoint.Open reports a bad note by FormatException; to a verifier that is an expected answer, not an error.
        try
        {
            checkpoint = Checkpoint.Open(note, Name, Spki);
            problem = null;
            return true;
        }
        catch (FormatException e)
        {
            checkpoint = null;
            problem = e.Message;
            return false;
        }
    }
}
