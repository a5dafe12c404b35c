using System.Security.Cryptography;
using Likeness.Client.Transport;
using Likeness.Provenance;
using Likeness.Provenance.Claims;
using static Likeness.Client.Transport.JsonCalls;

namespace Likeness.Client;

/// <summary>
/// Provenance: the operator's C2PA trust anchors, the server's signature over a render's credential, and watermark
/// look-ups. <see cref="RenderScope.CredentialAsync"/> and <see cref="RenderScope.WatermarkAsync"/> use it to stamp an output.
/// </summary>
public sealed class ProvenanceClient
{
    private readonly JsonCalls _calls;
    private readonly LicensesClient _licenses;
    private readonly LedgerClient _ledger;

    internal ProvenanceClient(JsonCalls calls, LicensesClient licenses, LedgerClient ledger)
    {
        _calls = calls;
        _licenses = licenses;
        _ledger = ledger;
    }

    /// <summary><c>GET /v1/provenance/trust-anchors</c>: the operator's C2PA root certificates (PEM); pin them once.</summary>
    public async Task<string> TrustAnchorsAsync(CancellationToken ct = default) =>
        System.Text.Encoding.ASCII.GetString((await _calls.Transport.SendAsync(HttpMethod.Get, "v1/provenance/trust-anchors", ct: ct).ConfigureAwait(false)).EnsureSuccess().Body);

    /// <summary><c>POST /v1/renders/{id}/credential</c>: the server checks the claim names the render truthfully and signs it.</summary>
    public Task<RenderCredential> SignAsync(string renderId, CredentialRequest request, string? idempotencyKey = null, CancellationToken ct = default) =>
        _calls.PostAsync($"v1/renders/{Escape(renderId)}/credential", request, ClientJson.Default.CredentialRequest, ClientJson.Default.RenderCredential, ct, idempotencyKey);

    /// <summary><c>GET /v1/provenance/watermarks/{token}</c>: what a token found in audio says.</summary>
    public Task<WatermarkLookup> WatermarkAsync(string token, CancellationToken ct = default) =>
        _calls.GetAsync($"v1/provenance/watermarks/{Escape(token)}", ClientJson.Default.WatermarkLookup, ct);

    /// <summary><c>POST /v1/provenance/identify</c>: the completed renders whose audio a copy's fingerprint matches.</summary>
    public Task<IdentifyResult> IdentifyAsync(string fingerprint, CancellationToken ct = default) =>
        _calls.PostAsync("v1/provenance/identify", new IdentifyRequest(fingerprint), ClientJson.Default.IdentifyRequest, ClientJson.Default.IdentifyResult, ct);

    /// <summary>
    /// What a credential of <paramref name="render"/> must say, read from the server: the render, its licence's performer,
    /// its latest ledger entry and the log's origin. Not for training, always: no purpose a consent can permit is training
    /// (docs/PROVENANCE.md), and the server refuses a claim that says otherwise.
    /// </summary>
    public async Task<RenderFacts> FactsAsync(Render render, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(render);
        var license = await _licenses.GetAsync(render.LicenseId, ct).ConfigureAwait(false);
        var key = await _ledger.KeyAsync(ct).ConfigureAwait(false);
        return new RenderFacts(render.RenderId, render.LicenseId, [license.PerformerId], render.LedgerIndex, key.Origin, NotForTraining: true);
    }

    /// <summary>
    /// Credentials the WAV or JPEG file at <paramref name="file"/> in place: prepares the claim over the file (the hard
    /// binding), has the server sign it, and writes the file with the manifest embedded (to a temporary file first, then
    /// moved over the original, so a failure leaves the original as it was). The key makes a retry sign once.
    /// </summary>
    /// <exception cref="ArgumentException">The file is neither a well-formed WAV nor JPEG.</exception>
    public async Task<RenderCredential> CredentialFileAsync(Render render, string file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var facts = await FactsAsync(render, ct).ConfigureAwait(false);
        var bytes = await File.ReadAllBytesAsync(file, ct).ConfigureAwait(false);
        // The manifest's id is derived from the render and the file, so a retried stamp of the same output asks for the same claim.
        var manifestId = new Guid(SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(render.RenderId), .. SHA256.HashData(bytes)]).AsSpan(0, 16));
        var prepared = Credential.Prepare(bytes, facts, manifestId);
        if (prepared.Credential is not { } credential)
        {
            throw new ArgumentException($"{file}: {prepared.Refusal}", nameof(file));
        }

        var answer = await SignAsync(
            render.RenderId,
            new CredentialRequest(Convert.ToBase64String(credential.Claim), Convert.ToBase64String(credential.AssertionStore), credential.SignatureLength),
            $"credential-{render.RenderId}-{Convert.ToHexStringLower(credential.ClaimSha256)[..16]}",
            ct).ConfigureAwait(false);
        var signed = credential.Embed(Convert.FromBase64String(answer.Signature))
            ?? throw new InvalidOperationException("the server's signature is not of the length asked for");
        await OutputFile.ReplaceAsync(file, signed, ct).ConfigureAwait(false);
        return answer;
    }
}
