using Likeness.Application.Model;
using Likeness.Application.Ports;

namespace Likeness.Storage.Relational;

/// <summary>
/// What the writer's session remembers of the store from one batch to the next while its writes are deferred: the
/// budgets, the cap counters, the performers' current consent versions and the renders still in flight (a settled
/// render is forgotten); and, within one batch, the idempotency keys
/// its commands declared and found in the database or recorded. The render path then reads nothing from the database but
/// the write epoch, the ledger's size and the batch's keys, once per batch, and what is remembered stays small (a large, often-changed structure would make every collection of the
/// young generation scan it).
/// </summary>
/// <remarks>
/// INVARIANT: the budgets, cap counters, consent versions and renders here are the stored ones whenever no other writer committed since this session's
/// last batch. Every write batch of every node bumps the store's write epoch (<see cref="Sql.WriteBatch"/>); a batch that
/// finds the epoch is not the one this writer left forgets everything (<see cref="StartBatch"/>). The keys a batch's commands declared are read from the
/// database when the batch begins (<see cref="Found"/>), so a lookup of a declared key is answered here; the table's
/// primary key stays the safety net for any other (the batch then runs again one command at a time, reading).
/// </remarks>
internal sealed class WriterCache
{
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, RenderRecord> _renders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Scope, string Key), IdempotencyRecord> _keys = [];
    private readonly List<string> _rendersOfCommand = [];
    private readonly List<(string Scope, string Key)> _keysOfCommand = [];
    private readonly Dictionary<string, ConsentVersionRecord?> _consents = new(StringComparer.Ordinal);
    private readonly List<string> _consentsOfCommand = [];

    /// <summary>The budgets, with the changes of the running batch applied.</summary>
    public WriterBudgets Budgets { get; } = new();

    /// <summary>The performers' cap counters, with the changes of the running batch applied.</summary>
    public WriterCaps Caps { get; } = new();

    /// <summary>A performer's current consent version, if it was read (a performer with none is remembered as null).</summary>
    public bool TryConsent(string performerId, out ConsentVersionRecord? current) => _consents.TryGetValue(performerId, out current);

    /// <summary>Remembers a performer's current consent, read in the running command.</summary>
    public void Remember(string performerId, ConsentVersionRecord? current)
    {
        _consents[performerId] = current;
        _consentsOfCommand.Add(performerId);
    }

    /// <summary>A new consent version was written: the next read goes to the database.</summary>
    public void ForgetConsent(string performerId) => _consents.Remove(performerId);

    public RenderRecord? Render(string id) => _renders.GetValueOrDefault(id);

    /// <summary>Remembers a render while it can still change; a settled one is forgotten (a later read goes to the database).</summary>
    public void Remember(RenderRecord r)
    {
        if (r.Status is RenderStatus.Authorized or RenderStatus.PendingApproval)
        {
            _renders[r.Id] = r;
        }
        else
        {
            _renders.Remove(r.Id);
        }

        _rendersOfCommand.Add(r.Id);
    }

    /// <summary>A key of this batch: found in the database when it began, or recorded by one of its commands.</summary>
    public IdempotencyRecord? Key(string scope, string key) => _keys.GetValueOrDefault((scope, key));

    /// <summary>A key found in the database at the start of the batch: not the running command's, so never undone.</summary>
    public void Found(IdempotencyRecord k) => _keys[(k.Scope, k.Key)] = k;

    public void Remember(IdempotencyRecord k)
    {
        _keys[(k.Scope, k.Key)] = k;
        _keysOfCommand.Add((k.Scope, k.Key));
    }

    /// <summary>A key deleted (expired): a later lookup in this batch finds nothing.</summary>
    public void Forget(string scope, string key) => _keys.Remove((scope, key));

    /// <summary>A command begins; what it changes is tracked until it ends.</summary>
    public void BeginCommand()
    {
        _rendersOfCommand.Clear();
        _keysOfCommand.Clear();
        _consentsOfCommand.Clear();
        Budgets.BeginCommand();
        Caps.BeginCommand();
    }

    /// <summary>The command that ran last failed: what it wrote is forgotten (a later read goes to the database).</summary>
    public void UndoCommand()
    {
        foreach (var id in _rendersOfCommand)
        {
            _renders.Remove(id);
        }

        foreach (var k in _keysOfCommand)
        {
            _keys.Remove(k);
        }

        // A consent read by the failed command may be one it wrote itself.
        foreach (var p in _consentsOfCommand)
        {
            _consents.Remove(p);
        }

        _rendersOfCommand.Clear();
        _keysOfCommand.Clear();
        _consentsOfCommand.Clear();
        Budgets.UndoCommand();
        Caps.UndoCommand();
    }

    /// <summary>At the start of a batch: forgets everything unless the store is as this session left it; stays bounded.</summary>
    public void StartBatch(bool storeUnchanged)
    {
        // Keys are the batch's own: the next batch reads its commands' keys again (they are committed by then).
        _keys.Clear();
        if (!storeUnchanged || _renders.Count > MaxEntries || _consents.Count > MaxEntries || Caps.Count > MaxEntries)
        {
            Forget();
        }
    }

    /// <summary>Forgets everything.</summary>
    public void Forget()
    {
        _renders.Clear();
        _keys.Clear();
        _rendersOfCommand.Clear();
        _keysOfCommand.Clear();
        _consents.Clear();
        _consentsOfCommand.Clear();
        Budgets.Clear();
        Caps.Clear();
    }
}
