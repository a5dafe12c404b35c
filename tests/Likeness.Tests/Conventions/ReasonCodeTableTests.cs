using System.Reflection;
using System.Text.RegularExpressions;
using Likeness.Domain.Decisions;
using Xunit;

namespace Likeness.Tests.Conventions;

/// <summary>
/// The reason-code tables (wire names and messages, two arrays indexed by the enum) line up with <see cref="ReasonCode"/>,
/// and every code fits the bitset <see cref="DecisionBuilder"/> keeps them in. A row added to the enum but not to a table,
/// or two rows swapped, would otherwise surface only as a wrong word in a denial.
/// </summary>
public sealed partial class ReasonCodeTableTests
{
    private static readonly ReasonCode[] All = Enum.GetValues<ReasonCode>();

    [GeneratedRegex("^[a-z]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    [Fact]
    public void Values_are_contiguous_from_zero_because_they_index_the_tables()
    {
        Assert.Equal(Enumerable.Range(0, All.Length), All.Select(c => (int)c));
    }

    [Fact]
    public void Every_code_has_a_snake_case_wire_name_spelled_like_its_member()
    {
        foreach (var c in All)
        {
            var wire = ReasonCodes.WireName(c);
            Assert.Matches(SnakeCase(), wire);

            // The wire name is the member's name in snake_case: this catches a table row that drifted from its enum row.
            Assert.Equal(WordBoundary().Replace(c.ToString(), "_").ToLowerInvariant(), wire);
        }
    }

    [Fact]
    public void Wire_names_are_unique_and_the_table_has_no_extra_rows()
    {
        Assert.Equal(All.Length, ReasonCodes.AllWireNames.Count);
        Assert.Equal(All.Length, ReasonCodes.AllWireNames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(All.Select(ReasonCodes.WireName), ReasonCodes.AllWireNames);
    }

    [Fact]
    public void Every_code_has_a_distinct_sentence_for_a_message_and_no_message_is_left_over()
    {
        foreach (var c in All)
        {
            var m = ReasonCodes.Message(c);
            Assert.False(string.IsNullOrWhiteSpace(m), $"{c} has no message");
            Assert.True(char.IsUpper(m[0]) && m.EndsWith('.'), $"{c}: '{m}' is not a sentence");
        }

        Assert.Equal(All.Length, All.Select(ReasonCodes.Message).Distinct(StringComparer.Ordinal).Count());

        // Message(c) for every c proves the table is long enough; its private length proves it is not longer.
        var messages = (string[])typeof(ReasonCodes).GetField("Messages", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal(All.Length, messages.Length);
    }

    [Fact]
    public void Every_code_fits_the_decision_bitset()
    {
        var bitsetType = typeof(DecisionBuilder).GetProperty(nameof(DecisionBuilder.Codes))!.PropertyType;
        var width = Type.GetTypeCode(bitsetType) switch
        {
            TypeCode.UInt64 or TypeCode.Int64 => 64,
            TypeCode.UInt32 or TypeCode.Int32 => 32,
            var other => throw new InvalidOperationException($"Unexpected bitset type {other}"),
        };
        Assert.True(All.Length <= width, $"{All.Length} reason codes do not fit a {width}-bit set");
        Assert.True((int)All.Max() < width);
    }

    [Fact]
    public void Each_code_sets_its_own_bit_and_only_per_instance_approval_alone_is_pending()
    {
        var b = new DecisionBuilder();
        foreach (var c in All)
        {
            b.Reset();
            b.Add(c, "rule/" + ReasonCodes.WireName(c));
            Assert.True(b.Has(c));
            Assert.Equal(1UL << (int)c, b.Codes);
            Assert.Equal(c == ReasonCode.InstanceApprovalRequired ? DecisionEffect.PendingApproval : DecisionEffect.Deny, b.Effect);
            Assert.All(All.Where(o => o != c), o => Assert.False(b.Has(o)));
        }
    }
}
