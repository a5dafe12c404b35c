using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Watermark.Fingerprints;

namespace Likeness.Application.Provenance;

/// <summary>
/// Looks up a watermark token found in audio (docs/PROVENANCE.md, "The watermark"). A stranger, with a key or without,
/// learns only that the token is registered and its credential's state; the render's studio, its performer side and
/// auditors see the render and the licence. An unregistered token is a 404: the answer a forged or misread token gets.
/// </summary>
public sealed class ProvenanceService(IStore store)
{
    public Task<WatermarkLookupView> WatermarkAsync(PartyRecord? caller, string tokenText, CancellationToken ct = default)
    {
        var token = WatermarkTokens.Parse(tokenText) ?? throw AppProblem.BadRequest("invalid_watermark", "A watermark token is 16 hexadecimal digits.", "token");
        return store.ReadAsync(
            s =>
            {
                var mark = s.Provenance.GetWatermark(token);
                var render = mark is null ? null : s.GetRender(mark.RenderId);
                if (mark is null || render is null)
                {
                    throw new AppProblem(404, "not_found", "No render carries this watermark token.");
                }

                var view = new WatermarkLookupView(WatermarkTokens.Hex(token), Registered: true, Synthetic: true, Credential(render.Status));
                return caller is not null && SeesRender(s, caller, render)
                    ? view with { Render = RenderOf(render) }
                    : view;
            },
            ct);
    }

    /// <summary>
    /// Finds the renders a copy's fingerprint matches (docs/PROVENANCE.md, "The fingerprint"), best first, at most
    /// <see cref="MaxMatches"/>. Each match says what a watermark look-up says, to the same people: anyone learns that the
    /// copy matches a registered synthetic output and its credential's state; the render's parties and auditors see the render.
    /// </summary>
    public Task<IdentifyView> IdentifyAsync(PartyRecord? caller, IdentifyBody body, CancellationToken ct = default)
    {
        var copy = Fingerprints.Parse(body.Fingerprint ?? "", "fingerprint");
        return store.ReadAsync(
            s =>
            {
                var found = new List<(FingerprintAlignment Alignment, string RenderId)>();
                foreach (var stored in s.Provenance.Fingerprints())
                {
                    if (AudioFingerprint.FromBytes(stored.Items)?.Align(copy) is { Matches: true } alignment)
                    {
                        found.Add((alignment, stored.RenderId));
                    }
                }

                var matches = new List<FingerprintMatchView>();
                foreach (var (alignment, renderId) in found.OrderBy(f => f.Alignment.BitErrorRate).ThenBy(f => f.RenderId, StringComparer.Ordinal).Take(MaxMatches))
                {
                    if (s.GetRender(renderId) is not { } render)
                    {
                        continue;
                    }

                    var match = new FingerprintMatchView(Math.Round(alignment.Similarity, 3), Math.Round(alignment.OffsetSeconds, 2), Math.Round(alignment.OverlapSeconds, 2), Synthetic: true, Credential(render.Status));
                    matches.Add(caller is not null && SeesRender(s, caller, render) ? match with { Render = RenderOf(render) } : match);
                }

                return new IdentifyView(Math.Round(copy.Seconds, 2), [.. matches]);
            },
            ct);
    }

    /// <summary>The most matches an identification answers with.</summary>
    public const int MaxMatches = 10;

    private static WatermarkRenderView RenderOf(RenderRecord render) =>
        new(render.Id, Vocabulary<RenderStatus>.Name(render.Status), render.LicenseId, render.PerformerId, render.StudioId, render.CreatedAt, render.SettledAt,
            render.OutputSha256, render.LedgerIndex);

    /// <summary>
    /// The credential's state as the render's record knows it: a completed render has its output's hash recorded (the
    /// credential covers that output); one still authorized has none yet; one cancelled, lapsed or rejected never will.
    /// </summary>
    private static string Credential(RenderStatus status) => status switch
    {
        RenderStatus.Completed => "issued",
        RenderStatus.Authorized or RenderStatus.PendingApproval => "pending",
        _ => "void",
    };

    private static bool SeesRender(IStoreSession s, PartyRecord caller, RenderRecord render) =>
        caller.Id == render.StudioId || caller.Kind == PartyKind.Auditor ||
        (s.GetParty(render.PerformerId) is { } performer && AccessRules.IsPerformerSide(caller, performer));
}
