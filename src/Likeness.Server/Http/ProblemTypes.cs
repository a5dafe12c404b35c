namespace Likeness.Server.Http;

/// <summary>
/// Every problem code the API answers with, and what it means: what <c>GET /problems/{code}</c> (the address a
/// problem's <c>type</c> names) describes. A test asserts the codes the server answers with are here.
/// </summary>
public static class ProblemTypes
{
    public static readonly IReadOnlyDictionary<string, (int Status, string Meaning)> All = new Dictionary<string, (int, string)>(StringComparer.Ordinal)
    {
        ["bad_request"] = (400, "The request could not be read."),
        ["malformed_json"] = (400, "The body is not valid JSON of the expected shape; 'field' names where."),
        ["invalid_text"] = (400, "A text field holds control characters or broken Unicode."),
        ["invalid_query"] = (400, "A query parameter is missing or not of its form; 'field' names it."),
        ["invalid_path"] = (400, "The path holds control characters or broken Unicode."),
        ["invalid_cursor"] = (400, "The cursor is not one this list gave."),
        ["invalid_idempotency_key"] = (400, "Idempotency-Key is 1 to 200 visible ASCII characters."),
        ["out_of_range"] = (400, "A number or date is outside what the field allows; 'field' names it."),
        ["unknown_code"] = (400, "A value is not one of the codes the field accepts; 'field' names it."),
        ["invalid_terms"] = (400, "The licence terms are not valid; 'field' names the term."),
        ["invalid_window"] = (400, "A time window ends before it starts."),
        ["invalid_party"] = (400, "The party is not valid for this role."),
        ["invalid_key"] = (400, "The signing key is not an ECDSA P-256 or Ed25519 public key as a JWK or SPKI (PEM or base64), or the party holds too many."),
        ["unknown_party"] = (400, "No party has this id."),
        ["unknown_performer"] = (400, "No performer has this id."),
        ["invalid_rates"] = (400, "The union's rate table is not valid."),
        ["invalid_splits"] = (400, "The royalty splits are not valid (shares must add up to the whole)."),
        ["invalid_period"] = (400, "The royalty period is not a month (YYYY-MM)."),
        ["invalid_hash"] = (400, "A hash is not 64 lowercase hexadecimal digits."),
        ["invalid_watermark"] = (400, "A watermark token is not 16 hexadecimal digits."),
        ["invalid_tile_path"] = (400, "The tile path is not tile/L/N[.p/W] or tile/entries/N[.p/W]."),
        ["invalid_url"] = (400, "A webhook URL is not an absolute http(s) URL, or points at a private address the operator has not allowed."),
        ["mixed_currency"] = (400, "Amounts that must share a currency do not."),
        ["description_not_specific"] = (400, "The request's description is too vague to review."),
        ["below_union_floor"] = (400, "The compensation is below the union's minimum rate."),
        ["unauthenticated"] = (401, "No API key was sent, or the key is not valid. Send 'Authorization: Bearer <api key>'."),
        ["forbidden"] = (403, "The caller's key may not do this."),
        ["signature_invalid"] = (401, "The act's Likeness-Signature does not hold: not a detached ES256 or EdDSA JWS, not by a live key of the caller, not over this act (method, path, body, Idempotency-Key), or not made within 5 minutes."),
        ["signature_required"] = (403, "The performer (or the caller) registered a signing key: acts on her behalf must carry a Likeness-Signature."),
        ["power_not_granted"] = (403, "The representative holds no grant from the performer giving this power (now): only she grants powers over her likeness."),
        ["render_denied"] = (403, "The render is denied; 'decision' is deny and 'reasons' lists every reason with its rule."),
        ["not_found"] = (404, "Nothing with this id is visible to the caller."),
        ["no_consent"] = (404, "The performer has written no consent yet."),
        ["no_checkpoint"] = (404, "The ledger has not signed a checkpoint yet."),
        ["method_not_allowed"] = (405, "The route does not answer this method."),
        ["too_many_webhooks"] = (409, "The party has as many webhook endpoints as it may; delete one first."),
        ["approval_expired"] = (409, "The render waited for approval past its deadline (7 days by default) and has lapsed."),
        ["idempotency_key_reused"] = (409, "The Idempotency-Key was used before with another body."),
        ["request_not_open"] = (409, "The licence request is no longer open to this action."),
        ["license_state"] = (409, "The licence's state does not allow this action."),
        ["render_state"] = (409, "The render's state does not allow this action."),
        ["already_recorded"] = (409, "This was recorded already."),
        ["exceeds_reservation"] = (409, "The actual length is above what the render reserved."),
        ["reservation_lapsed"] = (409, "The render's reservation lapsed; authorize again."),
        ["period_open"] = (409, "The royalty period is not closed yet."),
        ["period_closed"] = (409, "The royalty period is closed already."),
        ["period_order"] = (409, "Periods close in order; an earlier one is still open."),
        ["period_not_over"] = (409, "The royalty period has not ended yet."),
        ["ledger_behind"] = (409, "The ledger has a backlog to sign; rotate its key once the checkpoint has caught up."),
        ["body_too_large"] = (413, "The body is larger than 1 MiB."),
        ["uri_too_long"] = (414, "The request target is too long."),
        ["unsupported_media_type"] = (415, "The body is not sent as application/json (or, for a consent, application/ld+json)."),
        ["unsupported_charset"] = (415, "JSON is read as UTF-8 only."),
        ["rate_limited"] = (429, "Too many requests or failed keys from this client; wait 'retryAfterSeconds' (also in Retry-After)."),
        ["request_failed"] = (400, "The request failed with this status and nothing more to say (any 4xx)."),
        ["internal_error"] = (500, "The server failed unexpectedly; the failure is logged."),
        ["signing_key_unavailable"] = (503, "The ledger's signing key cannot be used now."),
    };

    /// <summary>The code a type address ends with: <c>idempotency-key-reused</c> is <c>idempotency_key_reused</c>.</summary>
    public static string CodeOf(string slug) => slug.Replace('-', '_');
}
