using System.Globalization;
using System.Text.Json;

namespace Likeness.Ledger;

/// <summary>The first entry whose story does not hold, and why.</summary>
public sealed record AuditFinding(long Index, string Problem);

/// <summary>
/// Replays the entries (docs/LEDGER.md) and checks the story they tell: no render on a licence that was not
/// active at that moment (unknown, suspended by any owner or by a union's strike that covered it, revoked, past its term,
/// or its performer dead without the estate's consent); no licence granted while a strike covering it held; no
/// suspension lifted by an owner that held none; no render settled that was not reserved; none completed above its reservation; releases
/// equal to what was reserved; budget counters never below zero; no reservation past a budget of its licence use (when
/// the grant names its budgets); no reservation past a cap of the performer's consent in force
/// (<see cref="CapReplay"/>); and no act on a performer by a representative that did not hold that power from her grant
/// at that moment, or after her death (<see cref="Powers"/>); in a log that begins with the operator's creation, no entry
/// naming a party that was never created (<see cref="Parties"/>). Pure: it sees only the entries.
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

        /// <summary>The SHA-256 of the licence's project, when the grant names it (what a strike's waiver names).</summary>
        public string ProjectSha256 { get; init; } = "";

        /// <summary>The owners of the suspensions placed by hand and not lifted (a strike's are the strike's).</summary>
        public HashSet<string> SuspendedBy { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? RevokedAt { get; set; }
        public bool EstateConsented { get; set; }
    }

    private sealed class Strike
    {
        public required string Id { get; init; }
        public string? Studio { get; init; }
        public required DateTimeOffset From { get; init; }
        public DateTimeOffset? To { get; set; }
        public required HashSet<string> Performers { get; init; }
        public HashSet<string> Waived { get; } = new(StringComparer.Ordinal);

        public bool Covers(License l, DateTimeOffset at) =>
            From <= at && (To is null || at < To) && (Studio is null || Studio == l.Studio) && Performers.Contains(l.Performer) && !Waived.Contains(l.ProjectSha256);
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
    private readonly Powers _powers;
    private readonly Dictionary<string, Strike> _strikes = new(StringComparer.Ordinal);

    // A dead performer's post-mortem term end, and her renders settled after the death (index, time): a renewal's evidence.
    private readonly Dictionary<string, DateTimeOffset> _postMortemEnds = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string Performer, DateTimeOffset At)> _settledAfterDeath = [];
    private readonly VaultReplay _vault = new();
    private readonly Parties _parties = new();

    /// <summary>A replay from the log's first entry.</summary>
    public LedgerAudit() => _powers = new Powers(_parties);
    private readonly SigningKeys _keys = new();

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
        DateTimeOffset T(string name) => DateTimeOffset.Parse(S(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        // Who acted, where the entry says (entries the sweeper writes name nobody).
        string? By() => e.TryGetProperty("by", out var by) ? by.GetString() : null;
        var at = T("at");
        var kind = S("kind");
        if (kind == "party.created")
        {
            return _parties.Created(index, S("party"), S("partyKind"), By(), e.TryGetProperty("represents", out var represents) ? represents.GetString() : null);
        }

        if (_parties.Unknown(e) is { } stranger)
        {
            return stranger;
        }

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
            case "render.credentialed":
                // A credential changes no budget; its claim hash must be one.
                return S("claimSha256").Length == 64 ? null : "render.credentialed without a SHA-256 claim hash";
            case "party_key.registered":
                _keys.Registered(S("keyId"), S("party"));
                return null;
            case "party_key.revoked":
                _keys.Revoked(S("keyId"));
                return null;
            case "rates.loaded" or "statement.closed":
                return null;
            case KeyRotation.Kind:
                // Who signed it is the key chain's to check (LogVerifier); the story only notes where the key changed.
                _keyRotations.Add(index);
                return null;
            case "performer.died":
                _deaths[S("performer")] = at;
                if (e.TryGetProperty("postMortemEnd", out _))
                {
                    _postMortemEnds[S("performer")] = T("postMortemEnd");
                }

                return null;
            case "post_mortem.renewed":
                // A renewal cites renders of hers settled in the evidence window; it moves the end from where it was.
                var who = S("performer");
                if (!_postMortemEnds.TryGetValue(who, out var previous) || previous != T("previousEnd") || at >= previous)
                {
                    return "a post-mortem renewal of a term that was not running to that end";
                }

                var cited = S("evidence").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => long.Parse(i, CultureInfo.InvariantCulture)).ToList();
                if (cited.Count == 0 || cited.Any(i => !_settledAfterDeath.TryGetValue(i, out var r) || r.Performer != who || r.At < T("evidenceFrom")))
                {
                    return "a post-mortem renewal without evidence of settled renders in its window";
                }

                _postMortemEnds[who] = T("termEnd");
                return _powers.Act(By(), who, "consent", at, Died(who));
            case "license.approved" or "license.accepted":
                var granted = _licenses[S("license")] = new License
                {
                    Performer = S("performer"),
                    Studio = e.TryGetProperty("studio", out var studio) ? studio.GetString() ?? "" : "",
                    ProjectSha256 = e.TryGetProperty("projectSha256", out var project) ? project.GetString() ?? "" : "",
                    TermEnd = T("termEnd"),
                    Budgets = e.TryGetProperty("budgets", out var budgets) ? Budgets(budgets.GetString()!) : [],
                    // Approved by the estate after the death: the approval is its consent (docs/DOMAIN.md).
                    EstateConsented = kind == "license.approved" && Died(S("performer")) is { } died && died <= at,
                };
                // A strike in effect refuses new licences with its studio unless it waived the project.
                if (e.TryGetProperty("projectSha256", out _) && _strikes.Values.FirstOrDefault(k => k.Covers(granted, at)) is { } striking)
                {
                    return $"a licence granted during strike {striking.Id}";
                }

                // A union's attestation of the description (AB 2602) was signed by a key the union held (docs/SECURITY.md).
                if (e.TryGetProperty("attestationKey", out var attestationKey) && _keys.Attested(S("attestingUnion"), attestationKey.GetString() ?? "") is { } unattested)
                {
                    return unattested;
                }

                return kind == "license.approved" ? _powers.Act(By(), S("performer"), "approve", at, Died(S("performer"))) : null;
            case "strike.declared":
                var performers = S("performers");
                _strikes[S("strike")] = new Strike
                {
                    Id = S("strike"),
                    Studio = S("studio") == "*" ? null : S("studio"),
                    From = T("from"),
                    To = e.TryGetProperty("to", out _) ? T("to") : null,
                    Performers = new HashSet<string>(performers.Length == 0 ? [] : performers.Split(','), StringComparer.Ordinal),
                };
                return null;
            case "strike.waived" or "strike.ended":
                if (!_strikes.TryGetValue(S("strike"), out var strike))
                {
                    return $"{kind} of a strike never declared";
                }

                if (kind == "strike.waived")
                {
                    strike.Waived.Add(S("projectSha256"));
                }
                else if (strike.To is null || at < strike.To)
                {
                    strike.To = at;
                }

                return null;
            case "license.suspended" or "license.resumed" or "license.revoked" or "license.estate_consented" or "license.expired":
                if (!_licenses.TryGetValue(S("license"), out var l))
                {
                    return $"{kind} of a licence never granted";
                }

                if (kind != "license.expired" && _powers.Act(By(), l.Performer, "consent", at, Died(l.Performer)) is { } withoutPower)
                {
                    return withoutPower;
                }

                // Suspensions stack and each has an owner. Entries from before owners were recorded name none: such a suspension
                // became the performer side's (as the store's migration made it), and such a resume lifted every one.
                var owner = e.TryGetProperty("owner", out var o) ? o.GetString() ?? "" : null;
                if (kind == "license.suspended")
                {
                    l.SuspendedBy.Add(owner ?? "performer");
                }
                else if (kind == "license.resumed")
                {
                    if (owner is null)
                    {
                        l.SuspendedBy.Clear();
                    }
                    else if (!l.SuspendedBy.Remove(owner))
                    {
                        return $"a suspension lifted by {owner}, who held none";
                    }
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
            case "render.pending" or "render.authorized" or "render.approved" or "render.completed" or "render.cancelled" or "render.lapsed" or "render.rejected"
                or "render.contributor_approved":
                // A render with several performers names every contributor's part; each is replayed as a render of its own.
                return e.TryGetProperty("contributors", out var parts) ? Ensemble(index, kind, e, parts.GetString()!, at, By())
                    : kind == "render.contributor_approved" ? "a contributor's approval of a render that names no contributors" : Part(index, kind, e, at, By(), approver: true);
            case "asset.sealed":
                return _vault.Sealed(S("asset"));
            case "asset.lineage":
                return _vault.Lineage(S("asset"), S("consent") == "clean");
            case "asset.released":
                return _vault.Released(S("asset"), _renders.TryGetValue(S("render"), out var released) && !released.Pending,
                    e.TryGetProperty("grant", out var grant) ? grant.GetString() : null, S("studio"));
            case "asset.shredded":
                return _vault.Shredded(S("asset"));
            case "vault.key_rotated":
                // The vault's master key changed: nothing in the log depends on which key wraps the data keys.
                return null;
            case "asset.retention_overdue":
                return _vault.Overdue(S("grant"), S("studio"));
            case "asset.deleted":
                return _vault.Deleted(S("grant"), S("studio"));
            default:
                return $"unknown entry kind '{kind}'";
        }
    }

    /// <summary>One render, or one contributor's part of a render with several performers, as its entry tells it.</summary>
    private string? Part(long index, string kind, JsonElement e, DateTimeOffset at, string? by, bool approver)
    {
        string S(string name) => e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");
        long N(string name) => e.GetProperty(name).GetInt64();
        if (kind == "render.pending")
        {
            if (!_licenses.ContainsKey(S("license")))
            {
                return "a render on a licence never granted";
            }

            _renders[S("render")] = new Render(S("license"), N("use"), 0, Pending: true);
            return null;
        }

        if (kind is "render.authorized" or "render.approved")
        {
            var licenseId = S("license");
            if (ActiveProblem(licenseId, at) is { } inactive)
            {
                return $"a render authorized on a licence that was not active: {inactive}";
            }

            if (kind == "render.approved" && !(_renders.TryGetValue(S("render"), out var pending) && pending.Pending))
            {
                return "a render approved that was not waiting for approval";
            }

            if (kind == "render.approved" && approver && _powers.Act(by, _licenses[licenseId].Performer, "renders", at, Died(_licenses[licenseId].Performer)) is { } unapproved)
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
        }

        if (!_renders.Remove(S("render"), out var r))
        {
            return $"{kind} of a render that was not open";
        }

        if (kind == "render.rejected")
        {
            return !r.Pending ? "a render rejected that was not waiting for approval"
                : approver && _licenses.TryGetValue(r.License, out var rl) ? _powers.Act(by, rl.Performer, "renders", at, Died(rl.Performer)) : null;
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
            if (_licenses.TryGetValue(r.License, out var settledOn) && _deaths.ContainsKey(settledOn.Performer))
            {
                _settledAfterDeath[index] = (settledOn.Performer, at);
            }
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
    }

    /// <summary>
    /// A render with several performers: each contributor's part in <paramref name="json"/> replayed as a render of its own,
    /// the power to approve or reject checked for the parts the actor named (<c>approved</c>, <c>rejected</c>), and a
    /// completion's parts summing exactly to its seconds.
    /// </summary>
    private string? Ensemble(long index, string kind, JsonElement e, string json, DateTimeOffset at, string? by)
    {
        using var doc = JsonDocument.Parse(json);
        var parts = doc.RootElement.EnumerateArray().ToArray();
        if (kind == "render.contributor_approved")
        {
            foreach (var p in parts)
            {
                if (!(_renders.TryGetValue(p.GetProperty("render").GetString()!, out var waiting) && waiting.Pending))
                {
                    return "a contributor approved a render that was not waiting for approval";
                }

                if (_licenses.TryGetValue(waiting.License, out var l) && _powers.Act(by, l.Performer, "renders", at, Died(l.Performer)) is { } unapproved)
                {
                    return unapproved;
                }
            }

            return null;
        }

        if (parts.Length < 2)
        {
            return "a render with several performers names fewer than two contributors";
        }

        var actors = e.TryGetProperty(kind == "render.rejected" ? "rejected" : "approved", out var named)
            ? Names(named.GetString()!) : new HashSet<string>(StringComparer.Ordinal);
        if (kind == "render.completed" && parts.Sum(p => p.GetProperty("actualMs").GetInt64()) != e.GetProperty("actualMs").GetInt64())
        {
            return "a render with several performers settled parts that do not sum to its seconds";
        }

        foreach (var p in parts)
        {
            if (Part(index, kind, p, at, by, actors.Contains(p.GetProperty("render").GetString()!)) is { } finding)
            {
                return finding;
            }
        }

        return null;
    }

    private static HashSet<string> Names(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(p => p.GetProperty("render").GetString()!).ToHashSet(StringComparer.Ordinal);
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

        if (l.SuspendedBy.Count > 0)
        {
            return "suspended by " + string.Join(", ", l.SuspendedBy.Order(StringComparer.Ordinal));
        }

        if (_strikes.Values.FirstOrDefault(k => k.Covers(l, at)) is { } strike)
        {
            return $"suspended by strike {strike.Id}";
        }

        if (_postMortemEnds.TryGetValue(l.Performer, out var pmEnd) && at >= pmEnd)
        {
            return "past its performer's post-mortem term";
        }

        return _deaths.TryGetValue(l.Performer, out var died) && died <= at && !l.EstateConsented ? "its performer died and the estate had not consented" : null;
    }
}
