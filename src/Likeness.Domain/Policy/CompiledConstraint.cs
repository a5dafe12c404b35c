using System.Text.Json.Nodes;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Domain.Geography;
using Likeness.Domain.Language;

namespace Likeness.Domain.Policy;

/// <summary>
/// A constraint turned into masks and numbers once, so that testing it against a render is a few
/// instructions and allocates nothing.
/// </summary>
public readonly struct CompiledConstraint
{
    private readonly ulong _mask;
    private readonly CountrySet _countries;
    private readonly long _number;
    private readonly string[]? _languages;

    private CompiledConstraint(LeftOperand operand, ConstraintOperator op, ulong mask, CountrySet countries, long number, string[]? languages)
    {
        Operand = operand;
        Operator = op;
        _mask = mask;
        _countries = countries;
        _number = number;
        _languages = languages;
    }

    public LeftOperand Operand { get; }

    public ConstraintOperator Operator { get; }

    /// <summary>For contentCategory: the categories this constraint names (used to find pre-approved categories).</summary>
    public uint NamedCategories => Operand == LeftOperand.ContentCategory ? (uint)_mask : 0;

    /// <summary>True when the constraint speaks positively of categories (eq, isAnyOf, isAllOf).</summary>
    public bool IsPositive => Operator is ConstraintOperator.Eq or ConstraintOperator.IsAnyOf or ConstraintOperator.IsAllOf or ConstraintOperator.IsA;

    public static CompiledConstraint Compile(Constraint c)
    {
        var values = c.RightOperand is JsonArray a ? a.Select(n => n!.GetValue<string>()).ToArray() : null;
        string Single() => c.RightOperand.GetValue<string>();
        string[] Many() => values ?? [Single()];
        ulong Mask<T>()
            where T : struct, Enum =>
            Many().Aggregate(0UL, (m, s) => Vocabulary<T>.TryParse(s, out var v) ? m | (1UL << Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) : m);

        return c.Operand switch
        {
            LeftOperand.Modality => new(c.Operand, c.Operator, Mask<Modality>(), default, 0, null),
            LeftOperand.Purpose => new(c.Operand, c.Operator, Mask<Purpose>(), default, 0, null),
            LeftOperand.ContentCategory => new(c.Operand, c.Operator, Mask<ContentCategory>(), default, 0, null),
            LeftOperand.Derivation => new(c.Operand, c.Operator, Mask<Derivation>(), default, 0, null),
            LeftOperand.AgeModification => new(c.Operand, c.Operator, Mask<AgeModification>(), default, 0, null),
            LeftOperand.Role => new(c.Operand, c.Operator, Mask<ContributorRole>(), default, 0, null),
            LeftOperand.Spatial => new(c.Operand, c.Operator, 0, Many().Aggregate(CountrySet.Empty, (s, code) => Regions.TryResolve(code, out var r) ? s.Union(r) : s), 0, null),
            LeftOperand.Language => new(c.Operand, c.Operator, 0, default, 0, Many()),
            LeftOperand.DateTime => new(c.Operand, c.Operator, 0, default, PolicyParser.TryParseDateTime(Single(), out var t) ? t.ToUnixTimeMilliseconds() : 0, null),
            LeftOperand.ElapsedTime or LeftOperand.MeteredTime => new(c.Operand, c.Operator, 0, default, IsoDuration.TryParseMillis(Single(), out var ms) ? ms : 0, null),
            LeftOperand.Count => new(c.Operand, c.Operator, 0, default, c.RightOperand.GetValue<long>(), null),
            LeftOperand.Realtime => new(c.Operand, c.Operator, c.RightOperand.GetValue<bool>() ? 1UL : 0UL, default, 0, null),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }

    /// <summary>
    /// Whether the constraint holds for the render. <paramref name="metered"/> is the licence use's budget so far:
    /// <c>meteredTime</c> compares the cumulative seconds including this render, <c>count</c> the renders including this one.
    /// </summary>
    public bool Holds(in RenderFacts f, in UseBudget metered) => Operand switch
    {
        LeftOperand.Modality => OneOf(1UL << (int)f.Modality),
        LeftOperand.Purpose => OneOf(1UL << (int)f.Purpose),
        LeftOperand.Derivation => OneOf(1UL << (int)f.Derivation),
        LeftOperand.AgeModification => OneOf(1UL << (int)f.AgeModification),
        LeftOperand.Role => OneOf(1UL << (int)f.Role),
        LeftOperand.ContentCategory => SetOf(f.Categories),
        LeftOperand.Spatial => Spatial(CountrySet.Of(f.Country)),
        LeftOperand.Language => Language(f.Language),
        LeftOperand.DateTime => Compare(f.AtUnixMillis),
        LeftOperand.ElapsedTime => Compare(f.RequestedMillis),
        LeftOperand.MeteredTime => Compare(metered.SecondsCommittedMillis + f.RequestedMillis),
        LeftOperand.Count => Compare(metered.RendersCommitted + 1),
        LeftOperand.Realtime => Operator == ConstraintOperator.Eq ? (f.Realtime ? 1UL : 0UL) == _mask : (f.Realtime ? 1UL : 0UL) != _mask,
        _ => false,
    };

    // A single-valued operand: eq/isAnyOf mean "is one of", neq/isNoneOf "is none of", isAllOf "all named are it".
    private bool OneOf(ulong bit) => Operator switch
    {
        ConstraintOperator.Eq or ConstraintOperator.IsAnyOf or ConstraintOperator.IsA => (bit & _mask) != 0,
        ConstraintOperator.Neq or ConstraintOperator.IsNoneOf => (bit & _mask) == 0,
        ConstraintOperator.IsAllOf => (_mask & ~bit) == 0,
        _ => false,
    };

    // A set-valued operand (content categories): eq/isAnyOf "contains any named", neq/isNoneOf "contains none", isAllOf "contains all".
    private bool SetOf(uint set) => Operator switch
    {
        ConstraintOperator.Eq or ConstraintOperator.IsAnyOf => (set & _mask) != 0,
        ConstraintOperator.Neq or ConstraintOperator.IsNoneOf => (set & _mask) == 0,
        ConstraintOperator.IsAllOf => (_mask & ~(ulong)set) == 0,
        _ => false,
    };

    // Region containment: the render's country is in (eq, isA, isAnyOf) or outside (neq, isNoneOf) the named territories.
    private bool Spatial(CountrySet render) => Operator switch
    {
        ConstraintOperator.Eq or ConstraintOperator.IsA or ConstraintOperator.IsAnyOf => render.IsSubsetOf(_countries),
        ConstraintOperator.Neq or ConstraintOperator.IsNoneOf => !render.Overlaps(_countries),
        ConstraintOperator.IsAllOf => _countries.IsSubsetOf(render),
        _ => false,
    };

    private bool Language(string tag)
    {
        var any = false;
        var all = true;
        foreach (var range in _languages!)
        {
            var covers = LanguageTag.Covers(range, tag);
            any |= covers;
            all &= covers;
        }

        return Operator switch
        {
            ConstraintOperator.Eq or ConstraintOperator.IsA or ConstraintOperator.IsAnyOf => any,
            ConstraintOperator.Neq or ConstraintOperator.IsNoneOf => !any,
            ConstraintOperator.IsAllOf => all,
            _ => false,
        };
    }

    private bool Compare(long value) => Operator switch
    {
        ConstraintOperator.Eq => value == _number,
        ConstraintOperator.Neq => value != _number,
        ConstraintOperator.Lt => value < _number,
        ConstraintOperator.Lteq => value <= _number,
        ConstraintOperator.Gt => value > _number,
        ConstraintOperator.Gteq => value >= _number,
        _ => false,
    };
}
