using System.Text.Json;
using System.Text.Json.Serialization;

namespace Likeness.Client;

/// <summary>
/// The SDK's JSON, generated at compile time (no reflection, trimming-safe): camelCase names as the API uses,
/// nulls left out of requests, unknown members of answers ignored so a newer server does not break an older SDK.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Party))]
[JsonSerializable(typeof(CreateParty))]
[JsonSerializable(typeof(Me))]
[JsonSerializable(typeof(Page<Party>))]
[JsonSerializable(typeof(CreateAsset))]
[JsonSerializable(typeof(Asset))]
[JsonSerializable(typeof(Asset[]))]
[JsonSerializable(typeof(RecordDeath))]
[JsonSerializable(typeof(Consent))]
[JsonSerializable(typeof(Page<Consent>))]
[JsonSerializable(typeof(ConsentWritten))]
[JsonSerializable(typeof(CreateLicenseRequest))]
[JsonSerializable(typeof(LicenseRequest))]
[JsonSerializable(typeof(Page<LicenseRequest>))]
[JsonSerializable(typeof(ApproveRequest))]
[JsonSerializable(typeof(CounterRequest))]
[JsonSerializable(typeof(License))]
[JsonSerializable(typeof(Page<License>))]
[JsonSerializable(typeof(RenderRequest))]
[JsonSerializable(typeof(Render))]
[JsonSerializable(typeof(Page<Render>))]
[JsonSerializable(typeof(CompleteRender))]
[JsonSerializable(typeof(Page<UsageEvent>))]
[JsonSerializable(typeof(SetSplits))]
[JsonSerializable(typeof(Splits))]
[JsonSerializable(typeof(SetRateTable))]
[JsonSerializable(typeof(RateTable))]
[JsonSerializable(typeof(Statement))]
[JsonSerializable(typeof(ClosePeriod))]
[JsonSerializable(typeof(ClosedPeriod))]
[JsonSerializable(typeof(PeriodCheck))]
[JsonSerializable(typeof(LedgerKey))]
[JsonSerializable(typeof(LedgerEntry))]
[JsonSerializable(typeof(InclusionProof))]
[JsonSerializable(typeof(ConsistencyProof))]
[JsonSerializable(typeof(CreateWebhook))]
[JsonSerializable(typeof(WebhookEndpoint))]
[JsonSerializable(typeof(WebhookEndpoint[]))]
[JsonSerializable(typeof(Page<WebhookDelivery>))]
[JsonSerializable(typeof(WebhookDelivery))]
[JsonSerializable(typeof(WebhookTest))]
[JsonSerializable(typeof(RegisterPartyKey))]
[JsonSerializable(typeof(RevokePartyKey))]
[JsonSerializable(typeof(PartyKey))]
[JsonSerializable(typeof(PartyKey[]))]
[JsonSerializable(typeof(CreateGrant))]
[JsonSerializable(typeof(RemoveGrant))]
[JsonSerializable(typeof(Grant))]
[JsonSerializable(typeof(Grant[]))]
[JsonSerializable(typeof(CredentialRequest))]
[JsonSerializable(typeof(RenderCredential))]
[JsonSerializable(typeof(WatermarkLookup))]
[JsonSerializable(typeof(IdentifyRequest))]
[JsonSerializable(typeof(IdentifyResult))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(NoteBody))]
[JsonSerializable(typeof(VetoBody))]
[JsonSerializable(typeof(RevokeBody))]
[JsonSerializable(typeof(LicenseClaims))]
[JsonSerializable(typeof(JwsHeader))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class ClientJson : JsonSerializerContext;

/// <summary>A body of one optional note or reason (approve, accept, cancel, suspend).</summary>
internal sealed record NoteBody(string? Note = null, string? Reason = null);

/// <summary><c>POST /v1/license-requests/{id}/veto</c>.</summary>
internal sealed record VetoBody(string Reason);

/// <summary><c>POST /v1/licenses/{id}/revoke</c>.</summary>
internal sealed record RevokeBody(int NoticeDays);
