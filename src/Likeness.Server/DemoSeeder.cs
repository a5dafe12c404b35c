using System.Globalization;
using Likeness.Application;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Model;

namespace Likeness.Server;

/// <summary>
/// Seeds a realistic example on a fresh store (<c>likeness serve --demo</c>): a voice actor with consent and a
/// voice model, her agent, a games studio holding an active dubbing licence with one completed render and one render
/// waiting for her per-instance approval, and a second request waiting for her answer.
/// </summary>
public static class DemoSeeder
{
    /// <summary>The keys and ids the demo created.</summary>
    public sealed record DemoParties(
        string PerformerId, string PerformerKey, string RepresentativeKey, string StudioId, string StudioKey, string LicenseId,
        string PendingRequestId, string CompletedRenderId, string PendingRenderId);

    /// <summary>Seeds the example; <paramref name="operatorKey"/> is the fresh store's operator key.</summary>

    public static async Task<DemoParties> SeedAsync(LikenessCore core, string operatorKey, CancellationToken ct = default)
    {
        var op = await core.Parties.AuthenticateAsync(operatorKey, ct) ?? throw new InvalidOperationException("operator key");
        var performer = await Create(core, op, "performer", "Mara Quinn (voice actor)", null, ct);
        var agent = await Create(core, op, "representative", "Halden Talent Agency", null, ct);
        var studio = await Create(core, op, "studio", "Northlight Games", null, ct);
        var performerParty = (await core.Parties.AuthenticateAsync(performer.ApiKey!, ct))!;

        // The agent acts for her only because she grants it powers (her own act); the operator only created it.
        await core.Grants.GrantAsync(performerParty, performer.Id, new Application.Acts.GrantBody(agent.Id, "agent", ["consent", "approve", "counter", "veto", "renders"]), null, null, ct);
        var studioParty = (await core.Parties.AuthenticateAsync(studio.ApiKey!, ct))!;

        await core.Assets.RegisterAsync(performerParty, performer.Id, new CreateAssetBody(
            "Mara Quinn voice model v2", "voice", "behavioralEmulator", new string('a', 64), 734_003_200,
            [new ProvenanceBody("Studio sessions 2019-2024, 41 hours", "work-for-hire release with AI rider")]), null, ct);
        await core.Consent.PutAsync(performerParty, performer.Id, """
            {
              "permission": [
                { "uid": "games-and-dubbing", "action": "render",
                  "constraint": [
                    { "leftOperand": "modality", "operator": "eq", "rightOperand": "voice" },
                    { "leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": ["videoGame", "dubbing", "promotion"] },
                    { "leftOperand": "spatial", "operator": "isA", "rightOperand": "WORLD" },
                    { "leftOperand": "elapsedTime", "operator": "lteq", "rightOperand": "PT120S" } ],
                  "duty": [ { "action": "inform" },
                    { "action": "obtainConsent", "constraint": [ { "leftOperand": "contentCategory", "operator": "isAnyOf", "rightOperand": ["violence"] } ] } ] }
              ],
              "prohibition": [
                { "uid": "no-politics-or-sex", "action": "render",
                  "constraint": [ { "leftOperand": "contentCategory", "operator": "isAnyOf", "rightOperand": ["political", "sexual", "hate"] } ] }
              ]
            }
            """, null, ct: ct);

        var now = core.Clock.GetUtcNow();
        var request = await core.Requests.CreateAsync(studioParty, new LicenseRequestBody(
            performer.Id, "Skyward Tides (2027) — Japanese and German localisation",
            "Dubbing of the character Captain Iris Vale into Japanese and German for the video game Skyward Tides, " +
            "in-game dialogue and cut-scenes only, new lines written by Northlight's narrative team and approved by the performer.",
            [new UseBody("voice", ["videoGame", "dubbing"], ["JP", "DE", "AT", "CH"], ["ja", "de"], now.AddMinutes(-1), now.AddYears(1),
                60, 3600, 500, ["violence"], "newPerformance")],
            new CompensationBody(new MoneyBody("USD", 2500), new MoneyBody("USD", 150), new MoneyBody("USD", 500_000))), null, ct);
        var requestId = Json.DeserializeStored<LicenseRequestView>(request.Body).Id;
        var license = await core.Requests.ApproveAsync(performerParty, requestId, new ApproveBody("Approved for Skyward Tides only."), null, ct: ct);
        var licenseId = Json.DeserializeStored<LicenseView>(license.Body).Id;

        var completed = await Render(core, studioParty, new RenderBody(licenseId, "voice", "dubbing", "JP", "ja", 30), ct);
        await core.Renders.CompleteAsync(studioParty, completed, new CompleteBody(28.5m, new string('b', 64)), null, ct);

        // The consent asks for her approval of each violent scene: this render waits for it.
        var pending = await Render(core, studioParty, new RenderBody(licenseId, "voice", "videoGame", "DE", "de", 20, ["violence"]), ct);

        var second = await core.Requests.CreateAsync(studioParty, new LicenseRequestBody(
            performer.Id, "Skyward Tides (2027) — launch trailer",
            "Two lines of Captain Iris Vale's dialogue, in English, for the launch trailer of the video game Skyward Tides, " +
            "shown online worldwide for six months.",
            [new UseBody("voice", ["promotion"], ["WORLD"], ["en"], now.AddMinutes(-1), now.AddMonths(6), 30, 120, 20, null, "newPerformance")],
            new CompensationBody(new MoneyBody("USD", 40_000), null, null)), null, ct);
        var pendingRequestId = Json.DeserializeStored<LicenseRequestView>(second.Body).Id;
        return new DemoParties(performer.Id, performer.ApiKey!, agent.ApiKey!, studio.Id, studio.ApiKey!, licenseId, pendingRequestId, completed, pending);
    }

    /// <summary>The text printed after seeding: the keys, the ids and a command to try on each.</summary>
    public static string Describe(DemoParties d, string url) => string.Create(CultureInfo.InvariantCulture, $"""
        Demo data:
          performer      {d.PerformerId}  key {d.PerformerKey}
          representative (agent)            key {d.RepresentativeKey}
          studio         {d.StudioId}  key {d.StudioKey}
          licence        {d.LicenseId}  (active: voice, video game and dubbing, JP/DE/AT/CH, ja/de)
          render         {d.CompletedRenderId}  (completed)
          render         {d.PendingRenderId}  (pending approval: a violent scene)
          request        {d.PendingRequestId}  (pending: waiting for the performer)

        Web app: open {url}/ and sign in with an API key above
          (the performer's lands on her Inbox; the studio's on Licences).

        Try:
          likeness license get {d.LicenseId} --server {url} --key {d.StudioKey}
          likeness render get {d.CompletedRenderId} --server {url} --key {d.StudioKey}
          likeness render approve {d.PendingRenderId} --server {url} --key {d.PerformerKey}
          likeness request get {d.PendingRequestId} --server {url} --key {d.PerformerKey}
          likeness render authorize --license {d.LicenseId} --modality voice --purpose dubbing --territory JP --language ja --seconds 30 --server {url} --key {d.StudioKey}
          likeness usage --performer {d.PerformerId} --server {url} --key {d.PerformerKey}
        """);

    private static async Task<string> Render(LikenessCore core, PartyRecord studio, RenderBody body, CancellationToken ct)
    {
        var o = await core.Renders.AuthorizeAsync(studio, body, null, ct);
        return Json.DeserializeStored<RenderView>(o.Body).RenderId;
    }

    private static async Task<PartyView> Create(LikenessCore core, PartyRecord op, string kind, string name, string[]? represents, CancellationToken ct)
    {
        var o = await core.Parties.CreateAsync(op, new CreatePartyBody(kind, name, represents), null, ct);
        return Json.DeserializeStored<PartyView>(o.Body);
    }
}
