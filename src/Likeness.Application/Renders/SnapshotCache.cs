using System.Collections.Concurrent;
using Likeness.Application.Licensing;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;
using Likeness.Domain.Policy;

namespace Likeness.Application.Renders;

/// <summary>
/// The compiled snapshots the gateway decides on, one per licence. A snapshot is immutable; a change to a
/// licence, its performer or the performer's consent replaces it (never edits it). Lookups take no lock.
/// </summary>
public sealed class SnapshotCache(IStore store)
{
    private readonly ConcurrentDictionary<string, CompiledLicense> _licenses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Performer, int Version), CompiledConsent> _consents = new();
    private long _epoch;

    /// <summary>The snapshot of <paramref name="licenseId"/>, loading and compiling it on first use; null when there is no such licence.</summary>
    public async ValueTask<CompiledLicense?> GetAsync(string licenseId, CancellationToken ct = default)
    {
        if (_licenses.TryGetValue(licenseId, out var cached))
        {
            return cached;
        }

        // INVARIANT: a snapshot loaded while an invalidation happened is not installed, so a stale snapshot can
        // never outlive the change that made it stale.
        var epoch = Interlocked.Read(ref _epoch);
        var loaded = await store.ReadAsync(s => Load(s, licenseId), ct);
        if (loaded is not null && Interlocked.Read(ref _epoch) == epoch)
        {
            _licenses[licenseId] = loaded;
        }

        return loaded;
    }

    /// <summary>Builds the snapshot from the store's current state (also used inside write transactions).</summary>
    public CompiledLicense? Load(IStoreSession s, string licenseId)
    {
        var license = s.GetLicense(licenseId);
        if (license is null)
        {
            return null;
        }

        var performer = s.GetParty(license.PerformerId);
        var consent = ConsentFor(s.GetCurrentConsent(license.PerformerId));
        return CompiledLicense.Compile(
            license.Id, license.PerformerId, license.StudioId, license.Terms, license.StoredStatus, license.RevocationEffectiveAt,
            performer?.DiedOn is not null, license.EstateConfirmed, consent, Interlocked.Read(ref _epoch), license.Suspensions, performer?.PostMortemEnd);
    }

    /// <summary>
    /// The modality of a licence use, from the snapshot when one is cached (a licence's terms never change, so even a stale
    /// snapshot knows it), else from the store.
    /// </summary>
    public Modality UseModality(IStoreSession s, string licenseId, int useIndex) =>
        _licenses.TryGetValue(licenseId, out var cached) ? cached.Uses[useIndex].Modality : s.GetLicense(licenseId)!.Terms.Uses[useIndex].Modality;

    /// <summary>The compiled form of a consent version (compiled once per version).</summary>
    public CompiledConsent ConsentFor(ConsentVersionRecord? version) =>
        version is null
            ? CompiledConsent.None
            : _consents.GetOrAdd((version.PerformerId, version.Version), _ => CompiledConsent.Compile(PolicyParser.Parse(version.PolicyJson), version.Version));

    /// <summary>Drops the snapshot of one licence.</summary>
    public void Invalidate(string licenseId)
    {
        Interlocked.Increment(ref _epoch);
        _licenses.TryRemove(licenseId, out _);
    }

    /// <summary>Drops the snapshots of every licence of a performer (consent or life status changed).</summary>
    public void InvalidatePerformer(string performerId)
    {
        Interlocked.Increment(ref _epoch);
        foreach (var (id, snapshot) in _licenses)
        {
            if (snapshot.PerformerId == performerId)
            {
                _licenses.TryRemove(id, out _);
            }
        }
    }
}
