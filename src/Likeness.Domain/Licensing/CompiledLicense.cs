using System.Collections.Immutable;
using System.Globalization;
using Likeness.Domain.Common;
using Likeness.Domain.Content;
using Likeness.Domain.Decisions;
using Likeness.Domain.Geography;
using Likeness.Domain.Policy;

namespace Likeness.Domain.Licensing;

/// <summary>
/// One licence use, compiled to masks and numbers. Immutable: its lists are <see cref="ImmutableArray{T}"/>, a struct whose
/// indexing and enumeration cost what an array's do, so the snapshot can be shared across threads without a copy.
/// </summary>
public sealed class CompiledUse
{
    public required string Reference { get; init; }

    /// <summary>The one modality the use licenses (what a render on it counts as under the performer's caps).</summary>
    public required Modality Modality { get; init; }

    public required ulong Modalities { get; init; }
    public required ulong Purposes { get; init; }
    public required CountrySet Territory { get; init; }
    public required ImmutableArray<string> Languages { get; init; }
    public required long FromMillis { get; init; }
    public required long ToMillis { get; init; }
    public long? MaxMillisPerDeliverable { get; init; }
    public long? MaxSyntheticMillis { get; init; }
    public long? MaxRenders { get; init; }
    public required uint AllowedCategories { get; init; }
    public required ulong Derivations { get; init; }
    public required bool Realtime { get; init; }

    public static CompiledUse Compile(LicenseUse u, int index) => new()
    {
        Reference = "license/use/" + index.ToString(CultureInfo.InvariantCulture),
        Modality = u.Modality,
        Modalities = 1UL << (int)u.Modality,
        Purposes = u.Purposes.Aggregate(0UL, (m, p) => m | (1UL << (int)p)),
        Territory = u.Territories.Aggregate(CountrySet.Empty, (s, t) => Regions.TryResolve(t, out var r) ? s.Union(r) : s),
        Languages = [.. u.Languages],
        FromMillis = u.From.ToUnixTimeMilliseconds(),
        ToMillis = u.To.ToUnixTimeMilliseconds(),
        MaxMillisPerDeliverable = u.MaxMillisPerDeliverable,
        MaxSyntheticMillis = u.MaxSyntheticMillis,
        MaxRenders = u.MaxRenders,
        AllowedCategories = ContentCategories.Mask(u.ContentCategories),
        Derivations = u.Derivation is { } d ? 1UL << (int)d : ulong.MaxValue,
        Realtime = u.Realtime,
    };

    /// <summary>True when this use has no budget left for even the smallest render.</summary>
    public bool IsExhausted(in UseBudget b) =>
        (MaxSyntheticMillis is { } s && b.SecondsCommittedMillis >= s) || (MaxRenders is { } r && b.RendersCommitted >= r);
}

/// <summary>
/// The immutable snapshot the render gateway decides on: a licence, its performer's current consent and
/// life status, compiled. Replaced whole (never mutated) when any of them changes.
/// </summary>
public sealed class CompiledLicense
{
    // Details are read-only wrappers (not frozen dictionaries) because their insertion order is the order the
    // obligation's JSON is written in, and stored render rows and ledger entries depend on those bytes.
    private static readonly Obligation LabelObligation = new("label", "law/eu-ai-act-art50", new Dictionary<string, string>
    {
        ["standard"] = "C2PA",
        ["digitalSourceType"] = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
        ["watermark"] = "required",
    }.AsReadOnly());

    public required string Id { get; init; }
    public required string PerformerId { get; init; }
    public required string StudioId { get; init; }
    public required LicenseStatus StoredStatus { get; init; }
    public long RevocationEffectiveMillis { get; init; } = long.MaxValue;
    public required long TermEndMillis { get; init; }
    public bool PerformerDeceased { get; init; }
    public bool EstateConfirmed { get; init; }

    /// <summary>When the performer's post-mortem right ends (Unix milliseconds; <see cref="long.MaxValue"/> while she lives).</summary>
    public long PostMortemEndMillis { get; init; } = long.MaxValue;

    /// <summary>Every suspension placed on the licence (each holds over its own window).</summary>
    public ImmutableArray<Suspension> Suspensions { get; init; } = [];

    public required ImmutableArray<CompiledUse> Uses { get; init; }
    public required CompiledConsent Consent { get; init; }
    public required ImmutableArray<Obligation> Obligations { get; init; }

    /// <summary>The licence's price multipliers (what a render's factor is computed from).</summary>
    public Royalties.Multipliers Multipliers { get; init; } = Royalties.Multipliers.None;

    /// <summary>A budget per use with nothing used: for deciding on the policy alone. A span, so no caller can write into the shared array.</summary>
    public ReadOnlySpan<UseBudget> Unused => UnusedBudgets;

    private UseBudget[] UnusedBudgets { get; init; } = [];

    /// <summary>Whether a suspension holds at <paramref name="atMillis"/>.</summary>
    public bool SuspendedAt(long atMillis)
    {
        foreach (var s in Suspensions)
        {
            if (s.HoldsAt(atMillis))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A stamp that changes whenever the snapshot is rebuilt from newer state.</summary>
    public long Revision { get; init; }

    public static CompiledLicense Compile(
        string id, string performerId, string studioId, LicenseTerms terms, LicenseStatus stored, DateTimeOffset? revocationEffectiveAt,
        bool performerDeceased, bool estateConfirmed, CompiledConsent consent, long revision, IReadOnlyList<Suspension>? suspensions = null, DateTimeOffset? postMortemEnd = null)
    {
        var obligations = new List<Obligation> { LabelObligation };
        var c = terms.Compensation;
        if (c.Currency is not null)
        {
            var details = new Dictionary<string, string> { ["currency"] = c.Currency };
            if (c.PerRender is { } pr)
            {
                details["perRenderMinor"] = pr.Minor.ToString(CultureInfo.InvariantCulture);
            }

            if (c.PerSecond is { } ps)
            {
                details["perSecondMinor"] = ps.Minor.ToString(CultureInfo.InvariantCulture);
            }

            obligations.Add(new Obligation("compensate", "license/compensation", details.AsReadOnly()));
        }

        return new CompiledLicense
        {
            Id = id,
            PerformerId = performerId,
            StudioId = studioId,
            StoredStatus = stored,
            RevocationEffectiveMillis = revocationEffectiveAt?.ToUnixTimeMilliseconds() ?? long.MaxValue,
            TermEndMillis = terms.TermEnd.ToUnixTimeMilliseconds(),
            PerformerDeceased = performerDeceased,
            EstateConfirmed = estateConfirmed,
            Suspensions = suspensions is null ? [] : [.. suspensions],
            PostMortemEndMillis = postMortemEnd?.ToUnixTimeMilliseconds() ?? long.MaxValue,
            Uses = [.. terms.Uses.Select(CompiledUse.Compile)],
            Consent = consent,
            Obligations = [.. obligations],
            Revision = revision,
            // The terms' lists may be arrays a caller still holds; the snapshot keeps copies no one can write to.
            Multipliers = c.Multipliers with
            {
                Purposes = ImmutableArray.CreateRange(c.Multipliers.Purposes),
                Territories = ImmutableArray.CreateRange(c.Multipliers.Territories),
            },
            UnusedBudgets = new UseBudget[terms.Uses.Count],
        };
    }
}
