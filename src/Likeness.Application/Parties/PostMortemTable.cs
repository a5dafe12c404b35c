using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Parties;

/// <summary>One rule of a post-mortem table, as the operator sends it and reads it back.</summary>
public sealed record PostMortemRuleBody(string Jurisdiction, int InitialYears, int RenewalYears, int MaximumYears, int EvidenceYears);

/// <summary>The body of <c>PUT /v1/post-mortem-terms</c>: the whole table, which replaces the one in force.</summary>
public sealed record PostMortemTableBody(PostMortemRuleBody[] Rules);

/// <summary>
/// The post-mortem table in force: its version (0 = the built-in NO FAKES model with California), its rules, and when and
/// at which ledger index it was loaded (null for the built-in one).
/// </summary>
public sealed record PostMortemTableView(int Version, PostMortemRuleBody[] Rules, DateTimeOffset? LoadedAt, long? LedgerIndex);

/// <summary>
/// The table of post-mortem rules by jurisdiction that deaths and renewals read (docs/DOMAIN.md, "Death and post-mortem
/// terms"): loaded by the operator, versioned in the ledger (<c>post_mortem.terms_loaded</c>), the built-in table until then.
/// Kept as a store setting in its own encoding.
/// </summary>
public sealed class PostMortemTable(IStore store, TimeProvider clock, Mutations mutations)
{
    private const string Setting = "post_mortem_terms";

    /// <summary>The table in force, read in <paramref name="s"/>'s transaction.</summary>
    public static IReadOnlyList<PostMortemRule> InForce(IStoreSession s) =>
        Read(s) is { } stored ? stored.Rules : PostMortemTerms.Default;

    /// <summary>The version of the table in force (0 for the built-in one).</summary>
    public static int VersionInForce(IStoreSession s) => Read(s)?.Version ?? 0;

    public Task<PostMortemTableView> GetAsync(CancellationToken ct = default) => store.ReadAsync(s => View(Read(s)), ct);

    /// <summary>The operator loads a new table: checked whole, then in force for every death and renewal from now.</summary>
    public Task<Outcome> LoadAsync(PartyRecord caller, PostMortemTableBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Operator);
        var rules = (body.Rules ?? []).Select((r, i) => new PostMortemRule(Jurisdiction(r.Jurisdiction, i), r.InitialYears, r.RenewalYears, r.MaximumYears, r.EvidenceYears)).ToArray();
        if (PostMortemTerms.Invalid(rules) is { } invalid)
        {
            throw AppProblem.BadRequest("invalid_post_mortem_terms", invalid.Error, invalid.Index < 0 ? "rules" : $"rules[{invalid.Index}]");
        }

        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var now = clock.GetUtcNow();
            var version = VersionInForce(s) + 1;
            var json = Json.Serialize(rules);
            var index = s.AppendLedgerEntry(new LedgerEntry("post_mortem.terms_loaded", now).With("version", version)
                .With("jurisdictions", string.Join(',', rules.Select(r => r.Jurisdiction))).WithHash("termsSha256", json).ToBytes());
            var stored = new StoredTable(version, rules, now, index);
            s.SetSetting(Setting, Json.Serialize(stored));
            return Outcome.Ok(View(stored));
        }, ct);
    }

    private static string Jurisdiction(string? j, int i) =>
        j == PostMortemTerms.DefaultJurisdiction ? j
        : j is not null && DeathInstant.IsDomicileForm(j) ? j.ToUpperInvariant()
        : throw AppProblem.BadRequest("invalid_post_mortem_terms", "A jurisdiction is \"default\", an ISO 3166-1 country (US) or a 3166-2 subdivision (US-CA).", $"rules[{i}].jurisdiction");

    private static StoredTable? Read(IStoreSession s) => s.GetSetting(Setting) is { } json ? Json.DeserializeStored<StoredTable>(json) : null;

    private static PostMortemTableView View(StoredTable? t) => t is null
        ? new PostMortemTableView(0, [.. PostMortemTerms.Default.Select(Body)], null, null)
        : new PostMortemTableView(t.Version, [.. t.Rules.Select(Body)], t.LoadedAt, t.LedgerIndex);

    private static PostMortemRuleBody Body(PostMortemRule r) => new(r.Jurisdiction, r.InitialYears, r.RenewalYears, r.MaximumYears, r.EvidenceYears);

    /// <summary>The stored table: its own encoding (the domain's rules), never the HTTP view.</summary>
    private sealed record StoredTable(int Version, PostMortemRule[] Rules, DateTimeOffset LoadedAt, long LedgerIndex);
}
