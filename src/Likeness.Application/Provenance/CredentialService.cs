using System.Security.Cryptography;
using Likeness.Application.Access;
using Likeness.Application.Common;
using Likeness.Application.Contracts;
using Likeness.Application.Ledger;
using Likeness.Application.Model;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Provenance.Claims;
using Likeness.Provenance.Review;
using Likeness.Provenance.Signing;

namespace Likeness.Application.Provenance;

/// <summary>
/// Signs C2PA credentials for renders (docs/PROVENANCE.md): the studio's pipeline assembles the claim over its output;
/// the operator signs it only for the studio's own render, authorized or completed, when the claim states that render
/// truthfully, and records the claim's hash in the ledger (<c>render.credentialed</c>).
/// </summary>
public sealed class CredentialService(TimeProvider clock, Mutations mutations, LikenessOptions options, SigningChain chain)
{
    /// <summary>The largest signature box a caller may ask for (the pad fills the rest).</summary>
    public const int MaxSignatureLength = 65536;

    private readonly ClaimSigner _signer = chain.NewSigner();

    /// <summary>The operator's C2PA root as PEM: the trust anchor its credentials chain to.</summary>
    public string TrustAnchorsPem => chain.TrustAnchorsPem;

    /// <summary>The smallest signature length the signer makes.</summary>
    public int MinimumSignatureLength => _signer.MinimumLength;

    /// <summary>Reviews the claim, checks it against the render, signs it and records its hash.</summary>
    public Task<Outcome> SignAsync(PartyRecord caller, string id, CredentialBody body, IdempotentRequest? idem, CancellationToken ct = default)
    {
        AccessRules.RequireKind(caller, PartyKind.Studio);
        var claim = Base64(body.Claim, "claim");
        var assertions = Base64(body.Assertions, "assertions");
        if (body.SignatureLength < _signer.MinimumLength || body.SignatureLength > MaxSignatureLength)
        {
            throw AppProblem.BadRequest("out_of_range", $"signatureLength is {_signer.MinimumLength} to {MaxSignatureLength} bytes.", "signatureLength");
        }

        var review = ClaimReview.Review(claim, assertions);
        if (review.Facts is not { } stated)
        {
            throw AppProblem.BadRequest("invalid_claim", $"The claim cannot be signed: {review.Refusal}.", "claim");
        }

        // Signed before the transaction, so the one writer only checks and records; a refusal discards the signature.
        var signature = _signer.Sign(claim, body.SignatureLength)
            ?? throw AppProblem.BadRequest("out_of_range", $"No padding reaches {body.SignatureLength} bytes; ask for a few more.", "signatureLength");
        var claimSha = Convert.ToHexStringLower(SHA256.HashData(claim));
        return mutations.WriteAsync(caller.Id, idem, s =>
        {
            var render = s.GetRender(id);
            if (render is null || render.StudioId != caller.Id)
            {
                throw AppProblem.NotFound("render");
            }

            if (render.Status is not (RenderStatus.Authorized or RenderStatus.Completed))
            {
                throw AppProblem.Conflict("render_state", $"The render is {Vocabulary<RenderStatus>.Name(render.Status)}; only an authorized or completed render is credentialed.");
            }

            var truth = Truth(render);
            if (Untrue(stated, truth) is { } field)
            {
                return Outcome.Refused(new Problem(409, "claim_untruthful", $"The claim's {Labels.Render} says {field} otherwise than the render does.", field));
            }

            var index = s.AppendLedgerEntry(new LedgerEntry("render.credentialed", clock.GetUtcNow()).With("render", render.Id)
                .With("license", render.LicenseId).With("claimSha256", claimSha).ToBytes());
            return Outcome.Ok(new CredentialView(render.Id, Convert.ToBase64String(signature), [.. _signer.Chain.Select(c => Convert.ToBase64String(c.RawData))], claimSha, index));
        }, ct);
    }

    /// <summary>
    /// What a credential of <paramref name="render"/> must say: its id, licence, performer, its latest ledger entry
    /// (the authorization, or the completion once completed) and this log. Not for training, always: no purpose a
    /// consent can permit is training, so no performer has consented to training on an output (docs/PROVENANCE.md).
    /// </summary>
    public RenderFacts Truth(RenderRecord render) =>
        new(render.Id, render.LicenseId, [render.PerformerId], render.LedgerIndex, options.Origin, NotForTraining: true);

    private static string? Untrue(RenderFacts stated, RenderFacts truth) =>
        stated.RenderId != truth.RenderId ? "renderId"
        : stated.LicenseId != truth.LicenseId ? "licenseId"
        : !stated.PerformerIds.SequenceEqual(truth.PerformerIds) ? "performerIds"
        : stated.LedgerIndex != truth.LedgerIndex ? "ledgerIndex"
        : stated.LogOrigin != truth.LogOrigin ? "logOrigin"
        : stated.NotForTraining != truth.NotForTraining ? Labels.TrainingMining
        : null;

    private static byte[] Base64(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) throw AppProblem.BadRequest("invalid_claim", $"{field} is required (base64).", field);
        var bytes = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, bytes, out var n) && n > 0
            ? bytes[..n]
            : throw AppProblem.BadRequest("invalid_claim", $"{field} is not base64.", field);
    }
}
