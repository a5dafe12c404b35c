namespace Likeness.Storage.Sqlite;

/// <summary>The SQLite schema, applied by version. Times are UTC ticks (INTEGER) so they sort and round-trip exactly.</summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE parties (
            id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, represents TEXT NOT NULL,
            created_at INTEGER NOT NULL, died_on TEXT, died_at INTEGER, key_hash TEXT NOT NULL UNIQUE);
        CREATE TABLE assets (
            id TEXT PRIMARY KEY, performer_id TEXT NOT NULL REFERENCES parties(id), name TEXT NOT NULL, modality TEXT NOT NULL,
            tier TEXT NOT NULL, sha256 TEXT, size_bytes INTEGER, provenance TEXT NOT NULL, created_at INTEGER NOT NULL);
        CREATE INDEX assets_performer ON assets(performer_id, created_at);
        CREATE TABLE consent_versions (
            performer_id TEXT NOT NULL REFERENCES parties(id), version INTEGER NOT NULL, policy TEXT NOT NULL,
            created_at INTEGER NOT NULL, ledger_index INTEGER NOT NULL, PRIMARY KEY (performer_id, version));
        CREATE TABLE license_requests (
            id TEXT PRIMARY KEY, performer_id TEXT NOT NULL, studio_id TEXT NOT NULL, status TEXT NOT NULL, terms TEXT NOT NULL,
            conflicts TEXT NOT NULL, counter_terms TEXT, note TEXT, license_id TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
            ledger_index INTEGER NOT NULL);
        CREATE TABLE licenses (
            id TEXT PRIMARY KEY, request_id TEXT NOT NULL REFERENCES license_requests(id), performer_id TEXT NOT NULL, studio_id TEXT NOT NULL,
            terms TEXT NOT NULL, stored_status TEXT NOT NULL, revocation_effective_at INTEGER, approved_at INTEGER NOT NULL,
            estate_confirmed INTEGER NOT NULL, consent_version INTEGER NOT NULL, token TEXT NOT NULL, attestation TEXT, ledger_index INTEGER NOT NULL,
            term_end INTEGER NOT NULL, expiry_recorded INTEGER NOT NULL DEFAULT 0, rate_override INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX licenses_performer ON licenses(performer_id);
        CREATE INDEX licenses_expiry ON licenses(expiry_recorded, term_end);
        CREATE TABLE license_budgets (
            license_id TEXT NOT NULL REFERENCES licenses(id), use_index INTEGER NOT NULL,
            seconds_used INTEGER NOT NULL DEFAULT 0, seconds_reserved INTEGER NOT NULL DEFAULT 0,
            renders_used INTEGER NOT NULL DEFAULT 0, renders_reserved INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (license_id, use_index),
            CHECK (seconds_used >= 0 AND seconds_reserved >= 0 AND renders_used >= 0 AND renders_reserved >= 0));
        CREATE TABLE renders (
            id TEXT PRIMARY KEY, license_id TEXT NOT NULL REFERENCES licenses(id), studio_id TEXT NOT NULL, performer_id TEXT NOT NULL,
            use_index INTEGER NOT NULL, status TEXT NOT NULL, request TEXT NOT NULL, requested_ms INTEGER NOT NULL, reserved_ms INTEGER NOT NULL,
            actual_ms INTEGER, output_sha256 TEXT, obligations TEXT NOT NULL, created_at INTEGER NOT NULL,
            expires_at INTEGER, settled_at INTEGER, ledger_index INTEGER NOT NULL,
            factor_e12 INTEGER NOT NULL DEFAULT 1000000000000, split_version INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX renders_expiry ON renders(status, expires_at);
        CREATE INDEX renders_license_usage ON renders(license_id, settled_at, id) WHERE status = 'completed';
        CREATE INDEX renders_performer_usage ON renders(performer_id, settled_at, id) WHERE status = 'completed';
        CREATE INDEX renders_settled ON renders(settled_at, license_id, use_index, factor_e12, split_version, performer_id, actual_ms) WHERE status = 'completed';
        CREATE TABLE splits (
            performer_id TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
            ledger_index INTEGER NOT NULL, PRIMARY KEY (performer_id, version));
        CREATE TABLE rate_tables (
            union_id TEXT NOT NULL, version INTEGER NOT NULL, label TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL,
            ledger_index INTEGER NOT NULL, PRIMARY KEY (union_id, version));
        CREATE TABLE closed_periods (
            period TEXT PRIMARY KEY, closed_at INTEGER NOT NULL, lines TEXT NOT NULL, sha256 TEXT NOT NULL, ledger_index INTEGER NOT NULL);
        CREATE TABLE idempotency (
            scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,
            created_at INTEGER NOT NULL, PRIMARY KEY (scope, key));
        CREATE TABLE ledger_entries (idx INTEGER PRIMARY KEY, data BLOB NOT NULL);
        """,
        """
        CREATE TABLE ledger_tiles (level INTEGER NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (level, idx));
        CREATE TABLE ledger_checkpoints (size INTEGER PRIMARY KEY, root BLOB NOT NULL, note TEXT NOT NULL, at INTEGER NOT NULL);
        """,
    ];
}
