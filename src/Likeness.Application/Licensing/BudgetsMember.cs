using System.Buffers;
using System.Text;
using System.Text.Json;
using Likeness.Domain.Licensing;

namespace Likeness.Application.Licensing;

/// <summary>
/// The <c>budgets</c> member of a <c>license.approved</c> or <c>license.accepted</c> ledger entry (docs/LEDGER.md): each
/// use's budget as a JSON array in one canonical form (members sorted, no whitespace, integers only; an unlimited budget
/// is an absent member), so that an auditor replaying the entries checks every reservation against the licence's
/// budgets without its terms.
/// </summary>
internal static class BudgetsMember
{
    /// <summary>The uses' budgets, or null (no member) when no use has one.</summary>
    public static string? Of(LicenseTerms terms)
    {
        if (terms.Uses.All(u => u.MaxSyntheticMillis is null && u.MaxRenders is null))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var use in terms.Uses)
            {
                w.WriteStartObject();
                if (use.MaxRenders is { } renders)
                {
                    w.WriteNumber("maxRenders", renders);
                }

                if (use.MaxSyntheticMillis is { } ms)
                {
                    w.WriteNumber("maxSyntheticMs", ms);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
