using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Likeness.Domain.Common;
using Likeness.Domain.Content;
using Likeness.Domain.Decisions;
using Likeness.Domain.Geography;
using Likeness.Domain.Licensing;
using Likeness.Domain.Policy;
using Likeness.Domain.Royalties;
using Xunit;

namespace Likeness.Tests.Conventions;

/// <summary>
/// The compiled snapshots (a licence with its uses, its performer's consent with its rules and constraints) are shared by
/// every request thread and replaced whole, never changed. So nothing reachable from their public surface may be
/// writable: no array, list or dictionary, no setter. Checked twice: on the declared types (what a caller could do
/// with the API) and on a real snapshot's values (an <see cref="IReadOnlyList{T}"/> backed by an array can be cast back).
/// </summary>
public sealed class SnapshotImmutabilityTests
{
    private static readonly Type[] Snapshots =
        [typeof(CompiledLicense), typeof(CompiledUse), typeof(CompiledConsent), typeof(CompiledRule), typeof(CompiledConstraint), typeof(CompiledCap)];

    // Generic types that give no way to write: immutable or read-only collections, spans and tuples of such.
    private static readonly HashSet<Type> ReadOnlyGenerics =
    [
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableDictionary<,>), typeof(ImmutableHashSet<>),
        typeof(FrozenSet<>), typeof(FrozenDictionary<,>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>),
        typeof(IReadOnlyDictionary<,>), typeof(IReadOnlySet<>), typeof(ReadOnlySpan<>), typeof(ReadOnlyMemory<>), typeof(Nullable<>),
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>), typeof(ValueTuple<,,,,>),
    ];

    [Fact]
    public void Snapshot_types_expose_no_mutable_collection_or_setter()
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var t in Snapshots)
        {
            CheckType(t, t.Name, seen, problems);
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_type_check_catches_an_array_a_list_and_a_setter()
    {
        var problems = new List<string>();
        CheckType(typeof(MutableExample), nameof(MutableExample), [], problems);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void A_compiled_snapshot_holds_no_writable_collection_at_run_time()
    {
        var license = SampleLicense();
        var problems = new List<string>();
        CheckValue(license, nameof(CompiledLicense), new HashSet<object>(ReferenceEqualityComparer.Instance), problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // The walk reached the leaves, so it checked something.
        Assert.NotEmpty(license.Consent.Permissions[0].Duties);
        Assert.NotEmpty(license.Multipliers.Purposes);
    }

    [Fact]
    public void Deciding_on_a_snapshot_allocates_nothing()
    {
        // ImmutableArray is a struct over an array: indexing and foreach cost what an array's do and allocate nothing. This
        // pins that the move from arrays kept RenderEvaluator.Decide allocation-free, on a permit (with duties and
        // obligations) and on a denial that lists several reasons.
        var license = SampleLicense();
        var builder = new DecisionBuilder();
        Span<UseBudget> budgets = [default];
        Assert.True(Countries.TryGetIndex("JP", out var jp));
        Assert.True(Countries.TryGetIndex("US", out var us));
        var permit = new RenderFacts
        {
            Modality = Modality.Voice,
            Purpose = Purpose.Dubbing,
            Country = jp,
            Language = "ja-JP",
            RequestedMillis = 10_000,
            AtUnixMillis = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            Derivation = Derivation.NewPerformance,
        };
        var deny = permit with { Country = us, Language = "fr", Purpose = Purpose.Advertising, Categories = ContentCategories.Bit(ContentCategory.Political) };

        // Warm up: static constructors and first calls may allocate once.
        Assert.Equal(DecisionEffect.Permit, RenderEvaluator.Decide(license, permit, budgets, false, builder));
        Assert.Equal(DecisionEffect.Deny, RenderEvaluator.Decide(license, deny, budgets, false, builder));
        Assert.True(builder.ReasonCount >= 3);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            RenderEvaluator.Decide(license, permit, budgets, false, builder);
            RenderEvaluator.Decide(license, deny, license.Unused, false, builder);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static CompiledLicense SampleLicense()
    {
        var consent = CompiledConsent.Compile(PolicyParser.Parse("""
            {
              "permission": [ { "uid": "games", "action": "render",
                "constraint": [ { "leftOperand": "modality", "operator": "isAnyOf", "rightOperand": ["voice", "face"] },
                                { "leftOperand": "language", "operator": "isAnyOf", "rightOperand": ["ja", "en"] } ],
                "duty": [ { "action": "inform" },
                          { "action": "obtainConsent", "constraint": [ { "leftOperand": "contentCategory", "operator": "isAnyOf", "rightOperand": ["violence"] } ] } ] } ],
              "prohibition": [ { "uid": "no-politics", "action": "render",
                "constraint": [ { "leftOperand": "contentCategory", "operator": "isAnyOf", "rightOperand": ["political"] } ] } ]
            }
            """), 3);
        var use = new LicenseUse(
            Modality.Voice, [Purpose.Dubbing, Purpose.VideoGame], ["EU", "JP"], ["ja", "en"],
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
            60_000, 3_600_000, 1_000, [ContentCategory.Violence], Derivation.NewPerformance, false);
        var compensation = new Compensation(new Money("USD", 500), new Money("USD", 10), null)
        {
            Multipliers = new Multipliers(15_000, [new PurposeFactor(Purpose.Dubbing, 12_000)], [new TerritoryFactor("EU", 11_000)]),
        };
        var terms = new LicenseTerms("Skyward Tides", "Dubbing into Japanese.", [use], compensation);
        return CompiledLicense.Compile("lic", "prf", "std", terms, LicenseStatus.Active, null, false, false, consent, 1);
    }

    private static void CheckType(Type t, string path, HashSet<Type> seen, List<string> problems)
    {
        if (!seen.Add(t) || t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal))
        {
            return;
        }

        const BindingFlags publicInstance = BindingFlags.Public | BindingFlags.Instance;
        foreach (var p in t.GetProperties(publicInstance))
        {
            if (!t.IsValueType && p.SetMethod is { IsPublic: true } set &&
                !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            {
                problems.Add($"{path}.{p.Name} has a public setter");
            }

            CheckMemberType(p.PropertyType, $"{path}.{p.Name}", seen, problems);
        }

        foreach (var f in t.GetFields(publicInstance))
        {
            // A struct's public field is copied out with the struct, so only a class's field could be written through.
            if (!t.IsValueType && !f.IsInitOnly)
            {
                problems.Add($"{path}.{f.Name} is a writable field");
            }

            CheckMemberType(f.FieldType, $"{path}.{f.Name}", seen, problems);
        }
    }

    private static void CheckMemberType(Type t, string path, HashSet<Type> seen, List<string> problems)
    {
        if (t.IsArray)
        {
            problems.Add($"{path} is an array ({t.Name}); use ImmutableArray<T> or a ReadOnlySpan<T> accessor");
        }
        else if (t.IsGenericType)
        {
            var def = t.GetGenericTypeDefinition();
            if (ReadOnlyGenerics.Contains(def))
            {
                foreach (var arg in t.GetGenericArguments())
                {
                    CheckMemberType(arg, $"{path}<{arg.Name}>", seen, problems);
                }
            }
            else
            {
                problems.Add($"{path} is a {def.Name}, which is not known to be read-only");
            }
        }
        else if (t.Assembly == typeof(CompiledLicense).Assembly || t.IsValueType)
        {
            // Likeness's own types are checked member by member; other value types (DateTimeOffset, …) are copied.
            CheckType(t, path, seen, problems);
        }
        else if (t != typeof(string))
        {
            problems.Add($"{path} is a {t.Name}, which is not known to be immutable");
        }
    }

    private static void CheckValue(object? value, string path, HashSet<object> seen, List<string> problems)
    {
        if (value is null or string || value.GetType().IsPrimitive || value.GetType().IsEnum || (!value.GetType().IsValueType && !seen.Add(value)))
        {
            return;
        }

        var type = value.GetType();
        if (value is IEnumerable items)
        {
            // An empty array cannot be written to; anything else that says it is writable can.
            if (IsWritable(value) && !(value is Array { Length: 0 }))
            {
                problems.Add($"{path} is a writable {type.Name} at run time");
            }

            var i = 0;
            foreach (var item in items)
            {
                CheckValue(item, $"{path}[{i++}]", seen, problems);
            }

            return;
        }

        const BindingFlags publicInstance = BindingFlags.Public | BindingFlags.Instance;
        foreach (var p in type.GetProperties(publicInstance).Where(p => p.GetIndexParameters().Length == 0 && !p.PropertyType.IsByRefLike))
        {
            CheckValue(p.GetValue(value), $"{path}.{p.Name}", seen, problems);
        }

        foreach (var f in type.GetFields(publicInstance))
        {
            CheckValue(f.GetValue(value), $"{path}.{f.Name}", seen, problems);
        }
    }

    private static bool IsWritable(object collection) =>
        collection switch
        {
            IList l => !l.IsReadOnly,
            IDictionary d => !d.IsReadOnly,
            _ => collection.GetType().GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>))
                .Any(i => !(bool)i.GetProperty(nameof(ICollection<int>.IsReadOnly))!.GetValue(collection)!),
        };

    /// <summary>What the check must refuse: an array, a list and a setter.</summary>
    private sealed class MutableExample
    {
        public int[] Numbers { get; init; } = [];

        public List<string> Names { get; init; } = [];

        public string Label { get; set; } = "";
    }
}
