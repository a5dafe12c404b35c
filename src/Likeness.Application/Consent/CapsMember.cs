using System.Buffers;
using System.Text;
using System.Text.Json;
using Likeness.Domain.Common;
using Likeness.Domain.Policy;

namespace Likeness.Application.Consent;

/// <summary>
/// The <c>caps</c> member of a <c>consent.version</c> ledger entry (docs/LEDGER.md): the version's caps as a JSON array in
/// one canonical form (members sorted, no whitespace, strings and integers only), so that an auditor replaying the
/// entries can check every reservation against the caps in force, without the policy's text.
/// </summary>
internal static class CapsMember
{
    /// <summary>The caps of a compiled consent, or null (no member) when it has none.</summary>
    public static string? Of(CompiledConsent consent)
    {
        if (consent.Caps.Length == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var cap in consent.Caps)
            {
                w.WriteStartObject();
                w.WriteNumber("limit", cap.Limit);
                w.WriteString("metric", Vocabulary<CapMetric>.Name(cap.Metric));
                if (cap.Modalities != CompiledCap.AllModalities)
                {
                    w.WriteStartArray("modalities");
                    foreach (var m in Vocabulary<Modality>.All)
                    {
                        if (cap.Counts(m))
                        {
                            w.WriteStringValue(Vocabulary<Modality>.Name(m));
                        }
                    }

                    w.WriteEndArray();
                }

                w.WriteString("period", Vocabulary<CapPeriod>.Name(cap.Period));
                w.WriteString("rule", cap.Reference);
                w.WriteString("scope", Vocabulary<CapScope>.Name(cap.Scope));
                w.WriteNumber("yearStartMonth", cap.YearStartMonth);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
