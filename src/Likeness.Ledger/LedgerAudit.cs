using System.Globalization;
using System.Text.Json;

namespace Likeness.Ledger;

/// <summary>The first entry whose story does not hold, and why.</summary>
public sealed record AuditFinding(long Index, string Problem);

/// <summary>
/// Replays the entries (docs/LEDGER.md) and checks the story they tell: no render on a licence that was not
/// active at that moment (unknown, suspended, revoked, past its term, or its performer dead without the
/// estate's consent); no render settled that was not reserved; none completed above its reservation; releases
/// equal to what was reserved; budget counters never below zero; no reservation past a budget of its licence use (when
/// the grant names its budgets); no reservation past a cap of the performer's consent in force
/// (<see cref="CapReplay"/>); and no act on a performer by a representative that did not hold that power from her grant
/// at that moment, or after her death (<see cref="Powers"/>). Pure: it sees only the entries.
/// </summary>
public sealed class LedgerAudit
{
    private sealed class License
    {
        public required string Performer { get; init; }
        public string Studio { get; init; } = "";
        public required DateTimeOffset TermEnd { get; init; }

        /// <summary>Each use's budget (milliseconds, renders; null for unlimited), when the grant names them.</summary>
        public (long? Ms, long? Renders)[] Budgets { get; init; } = [];

        public bool Suspended { get; set; }
        public DateTimeOffset? RevokedAt { get; set; }
        public bool EstateConsented { get; set; }
    }

    private sealed record Render(string License, long Use, long ReservedMs, bool Pending, CapReplay.Counter? Counted = null);

    private readonly Dictionary<string, License> _licenses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Render> _renders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, long), long> _reserved = [];
    private readonly Dictionary<(string, long), (long Ms, long Renders)> _committed = [];
    private readonly Dictionary<string, DateTimeOffset> _deaths = new(StringComparer.Ordinal);
    private readonly List<long> _keyRotations = [];
    private readonly CapReplay _caps = new();
    private readonly Dictionary<string, string> _requests = new(StringComparer.Ordinal);
    private readonly Powers _powers = new();
    private readonly VaultReplay _vault = new();

    /// <summary>How many entries were replayed.</summary>
    public long Count { get; private set; }

    /// <summary>Renders completed so far.</summary>
    public long Completed { get; private set; }

    /// <summary>The indexes of the <c>key.rotated</c> entries replayed, in order (a verifier checks the server listed them all).</summary>
    public IReadOnlyList<long> KeyRotations => _keyRotations;

    /// <summary>Replays entries in order; the first finding, or null when the story holds.</summary>
    public static AuditFinding? Check(IEnumerable<byte[]> entries)
    {
        var audit = new LedgerAudit();
        foreach (var e in entries)
        {
            if (audit.Next(e) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    /// <summary>Replays one more entry; a finding when it breaks the story.</summary>
    public AuditFinding? Next(byte[] entry)
    {
        var index = Count++;
        try
        {
            using var doc = JsonDocument.Parse(entry);
            var problem = Apply(index, doc.RootElement);
            return problem is null ? null : new AuditFinding(index, problem);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return new AuditFinding(index, $"not a well-formed entry: {e.Message}");
        }
    }

    private string? Apply(long index, JsonElement e)
    {
        string S(string name) => e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
        long N(string name) => e.GetProperty(name).GetInt64();
        DateTimeOffset T(string name) => DateTimeOffset.Parse(S(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        // Who acted, where the entry says (entries the sweeper writes name nobody).
        string? By() => e.TryGetProperty("by", out var by) ? by.GetString() : null;
        var at = T("at");
        var kind = S("kind");
        switch (kind)
        {
            case "license.requested":
                _requests[S("request")] = S("performer");
                return null;
            case "consent.version":
                _caps.Consent(S("performer"), e.TryGetProperty("caps", out var caps) ? caps.GetString() : null);
                return _powers.Act(By(), S("performer"), "consent", at, Died(S("performer")));
            case "license.vetoed" or "license.countered":
                // A request the replay never saw asked (a log begun elsewhere) names no performer to check against.
                return _requests.TryGetValue(S("request"), out var asked) ? _powers.Act(By(), asked, kind == "license.vetoed" ? "veto" : "counter", at, Died(asked)) : null;
            case "representative.granted" or "representative.removed":
                return _powers.Grant(kind, S("performer"), S("representative"), S("by"), kind == "representative.granted" ? S("powers") : null,
                    e.TryGetProperty("until", out _) ? T("until") : (DateTimeOffset?)null, at, Died(S("performer")));
            case "splits.version":
                return _powers.Act(By(), S("performer"), "statements", at, Died(S("performer")));
            case "party_key.registered" or "party_key.revoked" or "rates.loaded" or "statement.closed":
                return null;
            case KeyRotation.Kind:
                // Who signed it is the key chain's to check (LogVerifier); the story only notes where the key changed.
                _keyRotations.Add(index);
                return null;
            case "performer.died":
                _deaths[S("performer")] = at;
                return null;
            case "license.approved" or "license.accepted":
                _licenses[S("license")] = new License
                {
                    Performer = S("performer"),
                    Studio = e.TryGetProperty("studio", out var studio) ? studio.GetString() ?? "" : "",
                    TermEnd = T("termEnd"),
                    Budgets = e.TryGetProperty("budgets", out var budgets) ? Budgets(budgets.GetString()!) : [],
                    // Approved by the estate after the death: the approval is its consent (docs/DOMAIN.md).
                    EstateConsented = kind == "license.approved" && Died(S("performer")) is { } died && died <= at,
                };
                return kind == "license.approved" ? _powers.Act(By(), S("performer"), "approve", at, Died(S("performer"))) : null;
            case "license.suspended" or "license.resumed" or "license.revoked" or "license.estate_consented" or "license.expired":
                if (!_licenses.TryGetValue(S("license"), out var l))
                {
                    return $"{kind} of a licence never granted";
                }

                if (kind != "license.expired" && kind != "license.estate_consented" && _powers.Act(By(), l.Performer, "consent", at, Died(l.Performer)) is { } withoutPower)
                {
                    return withoutPower;
                }

                if (kind == "license.suspended")
                {
                    l.Suspended = true;
                }
                else if (kind == "license.resumed")
                {
                    l.Suspended = false;
                }
                else if (kind == "license.revoked")
                {
                    l.RevokedAt = T("effectiveAt");
                }
                else if (kind == "license.estate_consented")
                {
                    l.EstateConsented = true;
                }

                return null;
            case "render.pending":
                if (!_licenses.ContainsKey(S("license")))
                {
                    return "a render on a licence never granted";
                }

                _renders[S("render")] = new Render(S("license"), N("use"), 0, Pending: true);
                return null;
            case "render.authorized" or "render.approved":
                var licenseId = S("license");
                if (ActiveProblem(licenseId, at) is { } inactive)
                {
                    return $"a render authorized on a licence that was not active: {inactive}";
                }

                if (kind == "render.approved" && !(_renders.TryGetValue(S("render"), out var pending) && pending.Pending))
                {
                    return "a render approved that was not waiting for approval";
                }

                if (kind == "render.approved" && _powers.Act(By(), _licenses[licenseId].Performer, "renders", at, Died(_licenses[licenseId].Performer)) is { } unapproved)
                {
                    return unapproved;
                }

                var reserved = N("reservedMs");
                _reserved[(licenseId, N("use"))] = _reserved.GetValueOrDefault((licenseId, N("use"))) + reserved;
                if (Commit(licenseId, N("use"), reserved, 1) is { } overspent)
                {
                    return overspent;
                }

                // A render that names its modality was counted against the performer's caps when it reserved (older ones were not).
                CapReplay.Counter? counted = null;
                if (e.TryGetProperty("modality", out var modality))
                {
                    var lic = _licenses[licenseId];
                    counted = new CapReplay.Counter(lic.Performer, lic.Studio, modality.GetString() ?? "", (at.UtcDateTime.Year * 100) + at.UtcDateTime.Month);
                    if (_caps.Reserve(counted.Value, reserved) is { } passed)
                    {
                        return passed;
                    }
                }

                _renders[S("render")] = new Render(licenseId, N("use"), reserved, Pending: false, counted);
                return null;
            case "render.completed" or "render.cancelled" or "render.lapsed" or "render.rejected":
                if (!_renders.Remove(S("render"), out var r))
                {
                    return $"{kind} of a render that was not open";
                }

                if (kind == "render.rejected")
                {
                    return !r.Pending ? "a render rejected that was not waiting for approval"
                        : _licenses.TryGetValue(r.License, out var rl) ? _powers.Act(By(), rl.Performer, "renders", at, Died(rl.Performer)) : null;
                }

                if (kind == "render.completed")
                {
                    if (r.Pending)
                    {
                        return "a render completed that was never authorized";
                    }

                    if (N("actualMs") > r.ReservedMs)
                    {
                        return $"a render completed with {N("actualMs")} ms above its reservation of {r.ReservedMs} ms";
                    }

                    Completed++;
                }
                else if (N("releasedMs") != r.ReservedMs)
                {
                    return $"{kind} released {N("releasedMs")} ms of a {r.ReservedMs} ms reservation";
                }

                var left = _reserved.GetValueOrDefault((r.License, r.Use)) - r.ReservedMs;
                _reserved[(r.License, r.Use)] = left;
                Commit(r.License, r.Use, (kind == "render.completed" ? N("actualMs") : 0) - r.ReservedMs, kind == "render.completed" ? 0 : -1);
                if (left < 0)
                {
                    return "a budget went below zero";
                }

                return r.Counted is { } counter ? _caps.Settle(counter, r.ReservedMs, kind == "render.completed" ? N("actualMs") : null) : null;
            case "asset.sealed":
                return _vault.Sealed(S("asset"));
            case "asset.lineage":
                return _vault.Lineage(S("asset"), S("consent") == "clean");
            case "asset.released":
                return _vault.Released(S("asset"), _renders.TryGetValue(S("render"), out var released) && !released.Pending);
            case "asset.shredded":
                return _vault.Shredded(S("asset"));
            default:
                return $"unknown entry kind '{kind}'";
        }
    }

    /// <summary>
    /// Moves a licence use's committed seconds and renders (used + reserved) as the writer moves its budget; a finding when
    /// a reservation takes them past a budget the grant named.
    /// </summary>
    private string? Commit(string licenseId, long use, long ms, long renders)
    {
        var (m, n) = _committed.GetValueOrDefault((licenseId, use));
        _committed[(licenseId, use)] = (m + ms, n + renders);
        if (renders <= 0 || !_licenses.TryGetValue(licenseId, out var l) || use >= l.Budgets.Length)
        {
            return null;
        }

        var (maxMs, maxRenders) = l.Budgets[use];
        return m + ms > maxMs ? $"a render reserved past its licence use's budget of {maxMs} ms"
            : n + renders > maxRenders ? $"a render reserved past its licence use's budget of {maxRenders} renders"
            : null;
    }

    private static (long? Ms, long? Renders)[] Budgets(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(u => (
            u.TryGetProperty("maxSyntheticMs", out var ms) ? ms.GetInt64() : (long?)null,
            u.TryGetProperty("maxRenders", out var n) ? n.GetInt64() : (long?)null))];
    }

    private DateTimeOffset? Died(string performer) => _deaths.TryGetValue(performer, out var died) ? died : null;

    private string? ActiveProblem(string licenseId, DateTimeOffset at)
    {
        if (!_licenses.TryGetValue(licenseId, out var l))
        {
            return "never granted";
        }

        if (l.RevokedAt <= at)
        {
            return "revoked";
        }

        if (at >= l.TermEnd)
        {
            return "past its term end";
        }

        if (l.Suspended)
        {
            return "suspended";
        }

        return _deaths.TryGetValue(l.Performer, out var died) && died <= at && !l.EstateConsented ? "its performer died and the estate had not consented" : null;
    }
}
