using System.Security.Cryptography;
using Likeness.Application.Common;
using Likeness.Application.Ledger;
using Likeness.Application.Ports;

namespace Likeness.Application.Vault;

/// <summary>
/// Rotates the vault's master key (docs/CUSTODY.md, "Rotating the master key"), with no node serving: every performer gets
/// a fresh key-encryption key wrapped by a new master key, and every data key of hers is re-wrapped under it, so neither
/// the old master key nor an old database backup opens what the store holds from then on. Content is not re-encrypted.
/// The new key is staged beside the old before the commit and renamed over it after; a rotation cut between the two is
/// finished by the next run (the store's key check names the staged key).
/// </summary>
public static class VaultKeyRotation
{
    private const string CheckSetting = "vault_key_check";

    /// <summary>What a rotation did: how many performer keys and data keys it re-wrapped, and its ledger entry (null: an interrupted rotation finished).</summary>
    public sealed record Result(int PerformerKeys, int DataKeys, long? LedgerIndex);

    public static async Task<Result> RotateAsync(IStore store, ISigningKeyStore files, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(clock);
        await store.MigrateAsync(ct);
        var current = new VaultKeys(files.VaultMasterKey());
        var stored = await store.ReadAsync(s => s.GetSetting(CheckSetting), ct);
        if (files.StagedVaultMasterKey() is { } staged && stored == new VaultKeys(staged).KeyCheck)
        {
            files.PromoteVaultMasterKey();
            return new Result(0, 0, null);
        }

        if (stored is not null && stored != current.KeyCheck)
        {
            throw new AppProblem(409, "vault_key_mismatch", $"The vault master key beside {files.Location} is not the one this store's vault was sealed under; nothing was rotated.");
        }

        var nextKey = RandomNumberGenerator.GetBytes(VaultCipher.KeyBytes);
        var next = new VaultKeys(nextKey);
        files.StageVaultMasterKey(nextKey);
        var result = await store.WriteAsync(
            s =>
            {
                var now = clock.GetUtcNow();
                var keys = s.Vault.ListKeys();
                var dataKeys = 0;
                foreach (var key in keys)
                {
                    var wrapped = s.Vault.ListDataKeys(key.PerformerId);
                    var (fresh, rewrapped) = current.Rotate(key, next, [.. wrapped.Select(w => (w.AssetId, w.Wrapped))], now);
                    for (var i = 0; i < wrapped.Count; i++)
                    {
                        s.Vault.ReplaceDataKey(wrapped[i].AssetId, rewrapped[i], wrapped[i].Upload);
                    }

                    s.Vault.ReplaceKey(fresh);
                    dataKeys += wrapped.Count;
                }

                s.SetSetting(CheckSetting, next.KeyCheck);
                var index = s.AppendLedgerEntry(new LedgerEntry("vault.key_rotated", now).With("performerKeys", keys.Count).With("dataKeys", dataKeys).ToBytes());
                return new Result(keys.Count, dataKeys, index);
            },
            ct);
        files.PromoteVaultMasterKey();
        return result;
    }
}
