namespace Likeness.Storage.Relational;

/// <summary>
/// The schema, applied by version, for every provider: <c>{id}</c>, <c>{serial}</c> and <c>{blob}</c> are filled in by the
/// <see cref="Dialect"/>. Times are UTC ticks (BIGINT) so they sort and round-trip exactly.
/// </summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE parties (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, represents TEXT NOT NULL,
            created_at BIGINT NOT NULL, died_on TEXT, died_at BIGINT, key_hash TEXT NOT NULL UNIQUE);
        CREATE TABLE assets (
            id TEXT PRIMARY KEY, performer_id TEXT NOT NULL REFERENCES parties(id), name TEXT NOT NULL, modality TEXT NOT NULL,
            tier TEXT NOT NULL, sha256 TEXT, size_bytes BIGINT, provenance TEXT NOT NULL, created_at BIGINT NOT NULL);
        CREATE INDEX assets_performer ON assets(performer_id, created_at);
        CREATE TABLE consent_versions (
            performer_id TEXT NOT NULL REFERENCES parties(id), version BIGINT NOT NULL, policy TEXT NOT NULL,
            created_at BIGINT NOT NULL, ledger_index BIGINT NOT NULL, PRIMARY KEY (performer_id, version));
        CREATE TABLE license_requests (
            id TEXT PRIMARY KEY, performer_id TEXT NOT NULL, studio_id TEXT NOT NULL, status TEXT NOT NULL, terms TEXT NOT NULL,
            conflicts TEXT NOT NULL, counter_terms TEXT, note TEXT, license_id TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
            ledger_index BIGINT NOT NULL);
        CREATE TABLE licenses (
            id TEXT PRIMARY KEY, request_id TEXT NOT NULL REFERENCES license_requests(id), performer_id TEXT NOT NULL, studio_id TEXT NOT NULL,
            terms TEXT NOT NULL, stored_status TEXT NOT NULL, revocation_effective_at BIGINT, approved_at BIGINT NOT NULL,
            estate_confirmed BIGINT NOT NULL, consent_version BIGINT NOT NULL, token TEXT NOT NULL, attestation TEXT, ledger_index BIGINT NOT NULL,
            term_end BIGINT NOT NULL, expiry_recorded BIGINT NOT NULL DEFAULT 0, rate_override BIGINT NOT NULL DEFAULT 0);
        CREATE INDEX licenses_performer ON licenses(performer_id);
        CREATE INDEX licenses_expiry ON licenses(expiry_recorded, term_end);
        CREATE TABLE license_budgets (
            license_id TEXT NOT NULL REFERENCES licenses(id), use_index BIGINT NOT NULL,
            seconds_used BIGINT NOT NULL DEFAULT 0, seconds_reserved BIGINT NOT NULL DEFAULT 0,
            renders_used BIGINT NOT NULL DEFAULT 0, renders_reserved BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (license_id, use_index),
            CHECK (seconds_used >= 0 AND seconds_reserved >= 0 AND renders_used >= 0 AND renders_reserved >= 0));
        CREATE TABLE renders (
            id TEXT PRIMARY KEY, license_id TEXT NOT NULL REFERENCES licenses(id), studio_id TEXT NOT NULL, performer_id TEXT NOT NULL,
            use_index BIGINT NOT NULL, status TEXT NOT NULL, request TEXT NOT NULL, requested_ms BIGINT NOT NULL, reserved_ms BIGINT NOT NULL,
            actual_ms BIGINT, output_sha256 TEXT, obligations TEXT NOT NULL, created_at BIGINT NOT NULL,
            expires_at BIGINT, settled_at BIGINT, ledger_index BIGINT NOT NULL,
            factor_e12 BIGINT NOT NULL DEFAULT 1000000000000, split_version BIGINT NOT NULL DEFAULT 0);
        CREATE INDEX renders_expiry ON renders(status, expires_at);
        CREATE INDEX renders_license_usage ON renders(license_id, settled_at, id) WHERE status = 'completed';
        CREATE INDEX renders_performer_usage ON renders(performer_id, settled_at, id) WHERE status = 'completed';
        CREATE INDEX renders_settled ON renders(settled_at, license_id, use_index, factor_e12, split_version, performer_id, actual_ms) WHERE status = 'completed';
        CREATE TABLE splits (
            performer_id TEXT NOT NULL, version BIGINT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL,
            ledger_index BIGINT NOT NULL, PRIMARY KEY (performer_id, version));
        CREATE TABLE rate_tables (
            union_id TEXT NOT NULL, version BIGINT NOT NULL, label TEXT NOT NULL, body TEXT NOT NULL, created_at BIGINT NOT NULL,
            ledger_index BIGINT NOT NULL, PRIMARY KEY (union_id, version));
        CREATE TABLE closed_periods (
            period TEXT PRIMARY KEY, closed_at BIGINT NOT NULL, lines TEXT NOT NULL, sha256 TEXT NOT NULL, ledger_index BIGINT NOT NULL);
        CREATE TABLE changes (seq {serial}, kind TEXT NOT NULL, id TEXT NOT NULL);
        CREATE TABLE idempotency (
            scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status BIGINT NOT NULL, body TEXT NOT NULL,
            created_at BIGINT NOT NULL, PRIMARY KEY (scope, key));
        CREATE TABLE ledger_entries (idx {id}, data {blob} NOT NULL);
        """,
        """
        CREATE TABLE ledger_tiles (level BIGINT NOT NULL, idx BIGINT NOT NULL, data {blob} NOT NULL, PRIMARY KEY (level, idx));
        CREATE TABLE ledger_checkpoints (size BIGINT PRIMARY KEY, root {blob} NOT NULL, note TEXT NOT NULL, at BIGINT NOT NULL);
        """,
        """
        CREATE TABLE write_epoch (id BIGINT PRIMARY KEY, generation BIGINT NOT NULL, node TEXT NOT NULL);
        INSERT INTO write_epoch(id, generation, node) VALUES (1, 0, '');
        """,
        """
        DROP INDEX renders_expiry;
        CREATE INDEX renders_reserved ON renders(expires_at) WHERE status = 'authorized';
        """,
        """
        ALTER TABLE ledger_entries ADD COLUMN leaf {blob};
        """,
        """
        CREATE INDEX idempotency_created ON idempotency(created_at);
        """,
        // The lists' keyset orders (issue 13): each side's rows in (time, id) order, so a page is one index range.
        // Renders get two, not three: every index is paid for on the hot path, and a licence's renders are a studio's.
        """
        CREATE INDEX license_requests_studio ON license_requests(studio_id, created_at, id);
        CREATE INDEX license_requests_performer ON license_requests(performer_id, created_at, id);
        DROP INDEX licenses_performer;
        CREATE INDEX licenses_performer ON licenses(performer_id, approved_at, id);
        CREATE INDEX licenses_studio ON licenses(studio_id, approved_at, id);
        CREATE INDEX licenses_approved ON licenses(approved_at, id);
        CREATE INDEX renders_studio ON renders(studio_id, created_at, id);
        CREATE INDEX renders_performer ON renders(performer_id, created_at, id);
        """,
        // Webhooks (issue 13): endpoints with sealed secrets, the outbox (written with the change it reports), and one
        // delivery per endpoint and event. Licences learn when their next expiry notice falls due (30 days before the end
        // for those already stored) and whether their revocation's effect was announced. A render pending approval lapses
        // after 7 days (issue 15): those already waiting get their deadline counted from their creation.
        """
        CREATE TABLE webhook_endpoints (
            id TEXT PRIMARY KEY, party_id TEXT NOT NULL REFERENCES parties(id), url TEXT NOT NULL, events TEXT NOT NULL,
            secret TEXT NOT NULL, previous_secret TEXT, previous_until BIGINT, created_at BIGINT NOT NULL, deleted_at BIGINT,
            after_seq BIGINT NOT NULL);
        CREATE INDEX webhook_endpoints_party ON webhook_endpoints(party_id, created_at);
        CREATE TABLE webhook_events (
            seq {serial}, id TEXT NOT NULL, type TEXT NOT NULL, audience TEXT NOT NULL, payload TEXT NOT NULL, created_at BIGINT NOT NULL,
            endpoint_id TEXT);
        CREATE TABLE webhook_deliveries (
            id TEXT PRIMARY KEY, endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints(id), event_seq BIGINT NOT NULL, event_id TEXT NOT NULL,
            event_type TEXT NOT NULL, status TEXT NOT NULL, attempts BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL, last_attempt_at BIGINT,
            last_status BIGINT, last_error TEXT, delivered_at BIGINT, created_at BIGINT NOT NULL);
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at, id) WHERE status = 'pending';
        CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, created_at, id);
        ALTER TABLE licenses ADD COLUMN next_notice_at BIGINT;
        ALTER TABLE licenses ADD COLUMN revocation_announced BIGINT NOT NULL DEFAULT 0;
        UPDATE licenses SET next_notice_at = term_end - 25920000000000;
        CREATE INDEX licenses_notice ON licenses(next_notice_at) WHERE next_notice_at IS NOT NULL;
        CREATE INDEX licenses_revocation ON licenses(revocation_effective_at) WHERE revocation_announced = 0 AND stored_status = 'revocationPending';
        UPDATE renders SET expires_at = created_at + 6048000000000 WHERE status = 'pendingApproval' AND expires_at IS NULL;
        CREATE INDEX renders_pending ON renders(expires_at) WHERE status = 'pendingApproval';
        """,
        // Caps across licences (issue 16): a performer's renders counted per month, studio and modality, so that any cap
        // (per studio or overall, monthly or yearly, per modality or not) is a sum of a few rows. A render keeps the month
        // whose counter holds its reservation; renders reserved before this migration have none and are never counted.
        """
        CREATE TABLE cap_counters (
            performer_id TEXT NOT NULL, month BIGINT NOT NULL, studio_id TEXT NOT NULL, modality TEXT NOT NULL,
            seconds_used BIGINT NOT NULL DEFAULT 0, seconds_reserved BIGINT NOT NULL DEFAULT 0,
            renders_used BIGINT NOT NULL DEFAULT 0, renders_reserved BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (performer_id, month, studio_id, modality),
            CHECK (seconds_used >= 0 AND seconds_reserved >= 0 AND renders_used >= 0 AND renders_reserved >= 0));
        ALTER TABLE renders ADD COLUMN cap_month BIGINT;
        """,
        // Signed acts (issue 14): parties' signing keys, performers' grants to representatives, and each signed act's JWS and
        // signed form, by the ledger entry that records it. A representative's `represents` was the operator's word, never
        // the performer's act: it is cleared, and a representative acts only by a grant (docs/SECURITY.md).
        """
        CREATE TABLE party_keys (
            kid TEXT PRIMARY KEY, party_id TEXT NOT NULL REFERENCES parties(id), algorithm TEXT NOT NULL, spki TEXT NOT NULL,
            created_at BIGINT NOT NULL, ledger_index BIGINT NOT NULL, revoked_at BIGINT, revoked_index BIGINT);
        CREATE INDEX party_keys_party ON party_keys(party_id, created_at);
        CREATE TABLE grants (
            performer_id TEXT NOT NULL REFERENCES parties(id), representative_id TEXT NOT NULL REFERENCES parties(id), role TEXT NOT NULL,
            powers TEXT NOT NULL, until_at BIGINT, created_at BIGINT NOT NULL, ledger_index BIGINT NOT NULL,
            PRIMARY KEY (performer_id, representative_id));
        CREATE INDEX grants_representative ON grants(representative_id, performer_id);
        CREATE TABLE acts (
            ledger_index BIGINT PRIMARY KEY, party_id TEXT NOT NULL, kid TEXT NOT NULL, signature TEXT NOT NULL, signed_form TEXT NOT NULL);
        UPDATE parties SET represents = '[]' WHERE kind = 'representative';
        """,
        // Renders with several performers (issue 16): each contributor of a render, in order, with her licence, role, share
        // and the render record that holds her part; a contributor whose side must approve the render says so, and who did.
        """
        CREATE TABLE render_contributors (
            render_id TEXT NOT NULL, position BIGINT NOT NULL, part_id TEXT NOT NULL UNIQUE, license_id TEXT NOT NULL,
            performer_id TEXT NOT NULL, role TEXT NOT NULL, share_bps BIGINT NOT NULL, needs_approval BIGINT NOT NULL,
            approved_by TEXT, approved_at BIGINT, PRIMARY KEY (render_id, position));
        """,
        // The reference voice worker (issue 18): a voice asset's espeak-ng parameters, its stand-in for a voice model.
        """
        ALTER TABLE assets ADD COLUMN voice_model TEXT;
        """,
        // Owned suspensions and strikes (issue 15): a licence's suspensions are a list (each with its owner and, for a strike's,
        // its window); a stored 'suspended' status becomes one performer-side suspension (who placed it was not kept, and
        // the performer side is whom it protects), and the status keeps only revocation. Strikes keep their members at
        // declaration and the projects waived. A death is an instant: one recorded as a date becomes the end of that day
        // (UTC, as no time zone was given), and the post-mortem term end is kept once renewed.
        """
        ALTER TABLE licenses ADD COLUMN suspensions TEXT;
        UPDATE licenses SET suspensions = '[{"owner":"performer","from":0}]', stored_status = 'active' WHERE stored_status = 'suspended';
        CREATE TABLE strikes (
            id TEXT PRIMARY KEY, union_id TEXT NOT NULL REFERENCES parties(id), studio_id TEXT, starts_at BIGINT NOT NULL, ends_at BIGINT,
            ended_at BIGINT, members TEXT NOT NULL, waivers TEXT NOT NULL, created_at BIGINT NOT NULL, ledger_index BIGINT NOT NULL);
        CREATE INDEX strikes_union ON strikes(union_id, created_at);
        ALTER TABLE parties ADD COLUMN domicile TEXT;
        ALTER TABLE parties ADD COLUMN post_mortem_end BIGINT;
        UPDATE parties SET died_at = died_at + 864000000000 WHERE died_at IS NOT NULL;
        """,
        // The custody vault (issue 20, docs/CUSTODY.md): each performer's key-encryption key (wrapped by the master key,
        // which is never here), uploads in progress (the durable offset and the wrapped data key), sealed contents (a
        // null wrapped key is a shredded content), and the sealed chunks themselves where the store keeps them in the
        // database (PostgreSQL: every node reaches them; the SQLite store keeps them in a file beside the database).
        """
        CREATE TABLE vault_keys (performer_id TEXT PRIMARY KEY REFERENCES parties(id), wrapped {blob} NOT NULL, created_at BIGINT NOT NULL);
        CREATE TABLE asset_uploads (
            asset_id TEXT PRIMARY KEY REFERENCES assets(id), blob_id TEXT NOT NULL, upload_offset BIGINT NOT NULL, expected_sha256 TEXT,
            wrapped_key {blob} NOT NULL, started_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
        CREATE TABLE asset_contents (
            asset_id TEXT PRIMARY KEY REFERENCES assets(id), blob_id TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL,
            chunk_count BIGINT NOT NULL, wrapped_key {blob}, sealed_at BIGINT NOT NULL, ledger_index BIGINT NOT NULL, shredded_at BIGINT);
        CREATE TABLE vault_chunks (blob_id TEXT NOT NULL, idx BIGINT NOT NULL, data {blob} NOT NULL, PRIMARY KEY (blob_id, idx));
        CREATE TABLE asset_lineage (
            asset_id TEXT PRIMARY KEY REFERENCES assets(id), body TEXT NOT NULL, flagged BIGINT NOT NULL, recorded_at BIGINT NOT NULL,
            ledger_index BIGINT NOT NULL);
        CREATE TABLE asset_grants (
            id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, render_id TEXT NOT NULL REFERENCES renders(id), asset_id TEXT NOT NULL REFERENCES assets(id),
            studio_id TEXT NOT NULL, sha256 TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT, ledger_index BIGINT NOT NULL);
        CREATE INDEX asset_grants_asset ON asset_grants(asset_id, created_at);
        """,
        // Watermarks (issue 19): each render's 64-bit token (stored as the signed BIGINT of the same bits), which the
        // render's audio carries; a repeat is refused by the key.
        """
        CREATE TABLE watermarks (token BIGINT PRIMARY KEY, render_id TEXT NOT NULL, created_at BIGINT NOT NULL);
        CREATE INDEX watermarks_render ON watermarks(render_id);
        """,
        // Plans (issue 21, docs/PLANNING.md): a studio's plan and its versions, each version's inputs (screenplay, cast, rule
        // overrides, release) in their own encoding (PlanCodec); the breakdown is computed again when read.
        """
        CREATE TABLE plans (
            id TEXT PRIMARY KEY, studio_id TEXT NOT NULL REFERENCES parties(id), project TEXT NOT NULL, latest_version BIGINT NOT NULL,
            created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
        CREATE TABLE plan_versions (
            plan_id TEXT NOT NULL REFERENCES plans(id), version BIGINT NOT NULL, inputs TEXT NOT NULL, created_at BIGINT NOT NULL,
            PRIMARY KEY (plan_id, version));
        """,
        // Fingerprints (issue 19): a completed voice render's Chromaprint fingerprint, sent with its completion, so a copy
        // whose watermark was destroyed can still be identified.
        """
        CREATE TABLE fingerprints (render_id TEXT PRIMARY KEY REFERENCES renders(id), items {blob} NOT NULL, created_at BIGINT NOT NULL);
        """,
        // Custody retention (issue 20): when a studio must delete an asset released to it, its reminder, the deadline
        // passing, and the studio's statement that it deleted it.
        """
        ALTER TABLE asset_grants ADD COLUMN delete_by BIGINT;
        ALTER TABLE asset_grants ADD COLUMN remind_at BIGINT;
        ALTER TABLE asset_grants ADD COLUMN reminded_at BIGINT;
        ALTER TABLE asset_grants ADD COLUMN overdue_at BIGINT;
        ALTER TABLE asset_grants ADD COLUMN deleted_at BIGINT;
        CREATE INDEX asset_grants_retention ON asset_grants(delete_by);
        """,
    ];
}
