using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;

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
                    ? view with
                    {
                        Render = new WatermarkRenderView(render.Id, Vocabulary<RenderStatus>.Name(render.Status), render.LicenseId, render.PerformerId, render.StudioId,
                            render.CreatedAt, render.SettledAt, render.OutputSha256, render.LedgerIndex),
                    }
                    : view;
            },
            ct);
    }

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
