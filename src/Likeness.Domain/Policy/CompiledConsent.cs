using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Likeness.Domain.Common;
using Likeness.Domain.Content;
using Likeness.Domain.Decisions;

namespace Likeness.Domain.Policy;

/// <summary>
/// A compiled rule: its reference for explanations, its constraints, and (for permissions) its duties. Immutable and
/// shared across threads; its lists are <see cref="ImmutableArray{T}"/> so reading them costs what an array does.
/// </summary>
public sealed class CompiledRule
{
    internal CompiledRule(string reference, ImmutableArray<CompiledConstraint> constraints, ImmutableArray<(DutyAction Action, ImmutableArray<CompiledConstraint> When, Obligation Obligation)> duties)
    {
        Reference = reference;
        Constraints = constraints;
        Duties = duties;
        ConstrainsContent = constraints.Any(c => c.Operand == LeftOperand.ContentCategory);
        ConstrainsRole = constraints.Any(c => c.Operand == LeftOperand.Role);
    }

    /// <summary>Where the rule came from, e.g. <c>consent/v3/no-politics</c>.</summary>
    public string Reference { get; }

    public ImmutableArray<CompiledConstraint> Constraints { get; }

    public ImmutableArray<(DutyAction Action, ImmutableArray<CompiledConstraint> When, Obligation Obligation)> Duties { get; }

    public bool ConstrainsContent { get; }

    /// <summary>True when the rule names the performer's role in the render (a prohibition of driving others, say).</summary>
    public bool ConstrainsRole { get; }

    /// <summary>A rule applies when every constraint holds.</summary>
    public bool Applies(in RenderFacts f, in UseBudget budget) => AllHold(Constraints.AsSpan(), f, budget);

    /// <summary>True when every constraint in <paramref name="constraints"/> holds for the render.</summary>
    public static bool AllHold(ReadOnlySpan<CompiledConstraint> constraints, in RenderFacts f, in UseBudget budget)
    {
        foreach (ref readonly var c in constraints)
        {
            if (!c.Holds(f, budget))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds a reason for every constraint that does not hold (used to explain a default deny).</summary>
    public int Explain(in RenderFacts f, in UseBudget budget, DecisionBuilder? into)
    {
        var failures = 0;
        foreach (ref readonly var c in Constraints.AsSpan())
        {
            if (!c.Holds(f, budget))
            {
                failures++;
                into?.Add(CodeFor(c.Operand), Reference);
            }
        }

        return failures;
    }

    internal static ReasonCode CodeFor(LeftOperand operand) => operand switch
    {
        LeftOperand.Modality => ReasonCode.ModalityNotLicensed,
        LeftOperand.Purpose => ReasonCode.PurposeNotLicensed,
        LeftOperand.Spatial => ReasonCode.TerritoryNotLicensed,
        LeftOperand.Language => ReasonCode.LanguageNotLicensed,
        LeftOperand.DateTime => ReasonCode.OutsideLicenseWindow,
        LeftOperand.ElapsedTime => ReasonCode.DeliverableTooLong,
        LeftOperand.MeteredTime => ReasonCode.SecondsBudgetExhausted,
        LeftOperand.Count => ReasonCode.RenderBudgetExhausted,
        LeftOperand.ContentCategory => ReasonCode.ContentProhibited,
        LeftOperand.Derivation => ReasonCode.DerivationNotLicensed,
        LeftOperand.AgeModification => ReasonCode.AgeModificationNotPermitted,
        LeftOperand.Realtime => ReasonCode.RealtimeNotPermitted,
        LeftOperand.Role => ReasonCode.RoleNotPermitted,
        _ => ReasonCode.ConsentMissing,
    };
}

/// <summary>
/// One version of a performer's consent, compiled for evaluation. Immutable; a new version is a new object
/// swapped in atomically.
/// </summary>
public sealed class CompiledConsent
{
    private readonly ImmutableArray<Preapproval> _preapprovals;

    private CompiledConsent(int version, ImmutableArray<CompiledRule> permissions, ImmutableArray<CompiledRule> prohibitions, ImmutableArray<CompiledCap> caps, ImmutableArray<Preapproval> preapprovals)
    {
        Version = version;
        Permissions = permissions;
        Prohibitions = prohibitions;
        Caps = caps;
        _preapprovals = preapprovals;
    }

    /// <summary>The consent of a performer who has written none: permits nothing, prohibits nothing.</summary>
    public static CompiledConsent None { get; } = new(0, [], [], [], []);

    public int Version { get; }

    public ImmutableArray<CompiledRule> Permissions { get; }

    public ImmutableArray<CompiledRule> Prohibitions { get; }

    /// <summary>
    /// The caps across licences (docs/DOMAIN.md, "Caps"), in the order written. The permissions that hold them are not in
    /// <see cref="Permissions"/>: a cap limits what the licences permit and permits nothing itself.
    /// </summary>
    public ImmutableArray<CompiledCap> Caps { get; }

    /// <summary>
    /// The sensitive categories the consent approves in advance for this render: those a permission names positively in a
    /// contentCategory constraint, without an obtainConsent duty for them, and only where that permission's other
    /// constraints (every one but the naming ones) hold for the render. Consenting to violence in feature films
    /// pre-approves no violent advertising.
    /// </summary>
    public uint PreapprovedAt(in RenderFacts f, in UseBudget budget)
    {
        uint approved = 0;
        foreach (var p in _preapprovals)
        {
            if ((p.Categories & ~approved) != 0 && CompiledRule.AllHold(p.Conditions.AsSpan(), f, budget))
            {
                approved |= p.Categories;
            }
        }

        return approved;
    }

    public static CompiledConsent Compile(ConsentPolicy policy, int version)
    {
        var prefix = $"consent/v{version}/";
        CompiledRule Rule(PolicyRule r) => new(
            prefix + r.Uid,
            [.. r.Constraints.Select(CompiledConstraint.Compile)],
            [.. r.Duties.Select(d => (d.Action, ImmutableArray.CreateRange(d.Constraints.Select(CompiledConstraint.Compile)),
                new Obligation(Vocabulary<DutyAction>.Name(d.Action), prefix + r.Uid, EmptyDetails)))]);

        ImmutableArray<CompiledRule> permissions = [.. policy.Permissions.Where(r => !IsCapRule(r)).Select(Rule)];
        ImmutableArray<CompiledCap> caps = [.. policy.Permissions.Where(IsCapRule).SelectMany(r => CapsOf(r, prefix + r.Uid))];
        var preapprovals = ImmutableArray.CreateBuilder<Preapproval>();
        foreach (var p in permissions)
        {
            uint named = 0;
            foreach (var c in p.Constraints)
            {
                if (c.IsPositive)
                {
                    named |= c.NamedCategories;
                }
            }

            foreach (var d in p.Duties)
            {
                if (d.Action == DutyAction.ObtainConsent)
                {
                    var guarded = d.When.Aggregate(0u, (m, c) => m | c.NamedCategories);
                    named &= guarded == 0 ? 0 : ~guarded;
                }
            }

            if ((named & ContentCategories.Sensitive) != 0)
            {
                preapprovals.Add(new Preapproval(named & ContentCategories.Sensitive, [.. p.Constraints.Where(c => !(c.IsPositive && c.NamedCategories != 0))]));
            }
        }

        return new CompiledConsent(version, permissions, [.. policy.Prohibitions.Select(Rule)], caps, preapprovals.ToImmutable());
    }

    /// <summary>What one permission approves in advance, and the constraints (all but those naming it) that must hold.</summary>
    private sealed record Preapproval(uint Categories, ImmutableArray<CompiledConstraint> Conditions);

    private static bool IsCapRule(PolicyRule r) => r.Constraints.Any(c => c.Cap is not null);

    // The parser allows a cap rule only caps and one modality constraint (eq or isAnyOf), which says what they count.
    private static IEnumerable<CompiledCap> CapsOf(PolicyRule r, string reference)
    {
        var modalities = r.Constraints.FirstOrDefault(c => c.Operand == LeftOperand.Modality) is { } m
            ? (m.RightOperand is JsonArray a ? a.Select(n => n!.GetValue<string>()) : [m.RightOperand.GetValue<string>()])
                .Aggregate(0UL, (mask, s) => Vocabulary<Modality>.TryParse(s, out var v) ? mask | (1UL << (int)v) : mask)
            : CompiledCap.AllModalities;
        foreach (var c in r.Constraints)
        {
            if (c.Cap is not { } terms)
            {
                continue;
            }

            // Limits are kept inclusive: lt n is lteq n-1 on whole milliseconds and whole renders.
            var inclusive = c.Operator == ConstraintOperator.Lt ? -1 : 0;
            yield return c.Operand == LeftOperand.MeteredTime
                ? new CompiledCap(reference, terms, CapMetric.Seconds, (IsoDuration.TryParseMillis(c.RightOperand.GetValue<string>(), out var ms) ? ms : 0) + inclusive, modalities)
                : new CompiledCap(reference, terms, CapMetric.Renders, c.RightOperand.GetValue<long>() + inclusive, modalities);
        }
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyDetails = new Dictionary<string, string>().AsReadOnly();
}
