using System.Reflection;
using System.Text.RegularExpressions;
using Likeness.Application;
using Likeness.Domain.Common;
using Likeness.Domain.Decisions;
using Likeness.Server;
using Xunit;

namespace Likeness.Tests.Conventions;

/// <summary>
/// Every closed vocabulary round-trips: each value's camelCase name parses back to it, names are unique, and a name that
/// is not in the vocabulary (a near miss in case, a number, an empty string) is refused rather than guessed at.
/// </summary>
public sealed partial class VocabularyTests
{
    // Enums that are not written as vocabulary names, and why.
    private static readonly Dictionary<Type, string> NotVocabularies = new()
    {
        [typeof(ReasonCode)] = "written as snake_case through its own table (ReasonCodeTableTests checks it)",
        [typeof(DecisionEffect)] = "never written: a render's status is, through RenderStatus",
    };

    private static readonly Assembly[] LikenessAssemblies =
    [
        typeof(Vocabulary<>).Assembly, typeof(LikenessCore).Assembly, typeof(LikenessServer).Assembly,
        typeof(Likeness.Storage.Relational.RelationalStore).Assembly, typeof(Likeness.Storage.Postgres.PostgresStore).Assembly, typeof(Likeness.Storage.Sqlite.SqliteStore).Assembly,
        typeof(Likeness.Cli.ApiClient).Assembly,
    ];

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();

    /// <summary>Every public enum of the domain and the application, less those listed in <see cref="NotVocabularies"/>.</summary>
    public static TheoryData<string> Vocabularies()
    {
        var data = new TheoryData<string>();
        foreach (var t in VocabularyTypes())
        {
            data.Add(t.FullName!);
        }

        return data;
    }

    private static IEnumerable<Type> VocabularyTypes() =>
        new[] { typeof(Vocabulary<>).Assembly, typeof(LikenessCore).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsEnum && !NotVocabularies.ContainsKey(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void Every_enum_the_code_reads_as_a_vocabulary_is_covered_here()
    {
        // Vocabulary<X> as the compiled code names it anywhere in Likeness: each X must be among the vocabularies checked
        // below, so an enum added in another assembly and parsed from the wire cannot escape the round-trip test.
        var used = LikenessAssemblies.SelectMany(MetadataScan.ClosedGenericTypes)
            .Where(t => t.GetGenericTypeDefinition() == typeof(Vocabulary<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .ToList();
        Assert.Contains(typeof(Modality), used);
        var covered = VocabularyTypes().ToHashSet();
        Assert.All(used, t => Assert.True(covered.Contains(t), $"{t} is read as a vocabulary but not checked"));
        Assert.DoesNotContain(used, NotVocabularies.ContainsKey);
    }

    [Theory]
    [MemberData(nameof(Vocabularies))]
    public void Round_trips_with_unique_camel_case_names(string enumType)
    {
        var check = typeof(VocabularyTests).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!;
        var type = LikenessAssemblies.Select(a => a.GetType(enumType)).First(t => t is not null)!;
        check.MakeGenericMethod(type).Invoke(null, null);
    }

    private static void Check<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        Assert.NotEmpty(values);
        Assert.Equal(values, Vocabulary<T>.All);
        Assert.Equal(values.Length, Vocabulary<T>.AllNames.Count);
        Assert.Equal(values.Length, Vocabulary<T>.AllNames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(values.Length, Vocabulary<T>.AllNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var v in values)
        {
            var name = Vocabulary<T>.Name(v);
            Assert.Matches(CamelCase(), name);
            Assert.True(Vocabulary<T>.TryParse(name, out var back), $"{typeof(T).Name}: '{name}' does not parse");
            Assert.Equal(v, back);
            Assert.Equal(name, Vocabulary<T>.Name(back));

            // Names are exact: the enum's own spelling, another case, or padding is not the wire name.
            if (name.Length > 1 || char.IsLetter(name[0]))
            {
                Assert.False(Vocabulary<T>.TryParse(name.ToUpperInvariant(), out _), $"{typeof(T).Name}: '{name.ToUpperInvariant()}' was accepted");
            }

            Assert.False(Vocabulary<T>.TryParse(" " + name, out _));
            Assert.False(Vocabulary<T>.TryParse(name + "s", out _));
        }

        foreach (var unknown in new[] { null, "", "0", "1", "unknown", "-1", "null" })
        {
            Assert.False(Vocabulary<T>.TryParse(unknown, out var v), $"{typeof(T).Name}: '{unknown}' was accepted");
            Assert.Equal(default, v);
        }
    }
}
