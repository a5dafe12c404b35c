using Likeness.Application.Acts;
using Likeness.Application.Ports;
using Likeness.Domain.Common;
using Likeness.Storage.Relational.Sql;

namespace Likeness.Storage.Relational.Rows;

/// <summary>
/// The <c>party_keys</c>, <c>grants</c> and <c>acts</c> tables. A grant's powers are stored as their codes separated by
/// spaces (their own encoding, not the request's JSON).
/// </summary>
internal sealed class ActRows(ISql sql) : IActSession
{
    private static readonly Columns KeyColumns = new("kid", "party_id", "algorithm", "spki", "created_at", "ledger_index", "revoked_at", "revoked_index");
    private static readonly Columns GrantColumns = new("performer_id", "representative_id", "role", "powers", "until_at", "created_at", "ledger_index");
    private static readonly Columns ActColumns = new("ledger_index", "party_id", "kid", "signature", "signed_form");
    private static readonly Columns Grantor = new("performer_id");

    public void InsertKey(PartyKeyRecord k) =>
        sql.Exec($"INSERT INTO party_keys({KeyColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7)",
            k.Kid, k.PartyId, k.Algorithm, Convert.ToBase64String(k.Spki), k.CreatedAt.UtcTicks, k.LedgerIndex, k.RevokedAt?.UtcTicks, k.RevokedIndex);

    public PartyKeyRecord? GetKey(string kid) => sql.One($"SELECT {KeyColumns.Sql} FROM party_keys WHERE kid = @p0", KeyColumns, ReadKey, kid);

    public IReadOnlyList<PartyKeyRecord> ListKeys(string partyId) =>
        sql.Many($"SELECT {KeyColumns.Sql} FROM party_keys WHERE party_id = @p0 ORDER BY created_at, kid", KeyColumns, ReadKey, partyId);

    public void RevokeKey(string kid, DateTimeOffset at, long ledgerIndex) =>
        sql.Exec("UPDATE party_keys SET revoked_at = @p1, revoked_index = @p2 WHERE kid = @p0", kid, at.UtcTicks, ledgerIndex);

    public bool HasActiveKey(string partyId) =>
        sql.Scalar<long>("SELECT COUNT(*) FROM party_keys WHERE party_id = @p0 AND revoked_at IS NULL", partyId) > 0;

    public void PutGrant(GrantRecord g)
    {
        DeleteGrant(g.PerformerId, g.RepresentativeId);
        sql.Exec($"INSERT INTO grants({GrantColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6)",
            g.PerformerId, g.RepresentativeId, Vocabulary<RepresentativeRole>.Name(g.Role), string.Join(' ', g.Powers.Select(Vocabulary<Power>.Name)),
            g.Until?.UtcTicks, g.CreatedAt.UtcTicks, g.LedgerIndex);
    }

    public GrantRecord? GetGrant(string performerId, string representativeId) =>
        sql.One($"SELECT {GrantColumns.Sql} FROM grants WHERE performer_id = @p0 AND representative_id = @p1", GrantColumns, ReadGrant, performerId, representativeId);

    public IReadOnlyList<GrantRecord> ListGrants(string performerId) =>
        sql.Many($"SELECT {GrantColumns.Sql} FROM grants WHERE performer_id = @p0 ORDER BY representative_id", GrantColumns, ReadGrant, performerId);

    public void DeleteGrant(string performerId, string representativeId) =>
        sql.Exec("DELETE FROM grants WHERE performer_id = @p0 AND representative_id = @p1", performerId, representativeId);

    public void InsertAct(ActRecord a) =>
        sql.Exec($"INSERT INTO acts({ActColumns.Sql}) VALUES (@p0,@p1,@p2,@p3,@p4)", a.LedgerIndex, a.PartyId, a.Kid, a.Signature, a.SignedForm);

    public ActRecord? GetAct(long ledgerIndex) => sql.One($"SELECT {ActColumns.Sql} FROM acts WHERE ledger_index = @p0", ActColumns, ReadAct, ledgerIndex);

    /// <summary>The performers who granted <paramref name="representativeId"/> powers.</summary>
    public static string[] GrantorsOf(ISql sql, string representativeId) =>
        [.. sql.Many("SELECT performer_id FROM grants WHERE representative_id = @p0 ORDER BY performer_id", Grantor, r => r.Text("performer_id"), representativeId)];

    private static PartyKeyRecord ReadKey(Row r) => new(
        r.Text("kid"), r.Text("party_id"), r.Text("algorithm"), Convert.FromBase64String(r.Text("spki")), r.Time("created_at"), r.Long("ledger_index"),
        r.TimeOrNull("revoked_at"), r.LongOrNull("revoked_index"));

    private static GrantRecord ReadGrant(Row r) => new(
        r.Text("performer_id"), r.Text("representative_id"), r.Code<RepresentativeRole>("role"),
        r.Text("powers").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => Vocabulary<Power>.TryParse(p, out var v) ? v : throw new InvalidDataException($"Unknown stored power '{p}'.")).ToArray(),
        r.TimeOrNull("until_at"), r.Time("created_at"), r.Long("ledger_index"));

    private static ActRecord ReadAct(Row r) => new(r.Long("ledger_index"), r.Text("party_id"), r.Text("kid"), r.Text("signature"), r.Text("signed_form"));
}
