using Likeness.Application.Model;
using Likeness.Application.Ports;

namespace Likeness.Storage.Relational;

/// <summary>
/// What the writer's session remembers of the store from one batch to the next while its writes are deferred: the
/// budgets, the renders still in flight (a settled render is forgotten), and the idempotency keys recorded in this
/// batch and the one before. The render path then reads nothing from the database but the ledger's size once per
/// batch, and what is remembered stays small (a large, often-changed structure would make every collection of the
/// young generation scan it).
/// </summary>
/// <remarks>
/// INVARIANT: the budgets and renders here are the stored ones whenever no other writer committed since this session's
/// last batch. Every write batch of every node bumps the store's write epoch; a batch that finds the epoch is not the one
/// this session left forgets everything (<see cref="Forget"/>). The keys a batch's commands declared are read from the
/// database when the batch begins (<see cref="Found"/>), so a lookup of a declared key is answered here; the table's
/// primary key stays the safety net for any other (the batch then runs again one command at a time, reading).
/// </remarks>
internal sealed class WriterCache
{
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, RenderRecord> _renders = new(StringComparer.Ordinal);
    private Dictionary<(string Scope, string Key), IdempotencyRecord> _keys = [];
    private Dictionary<(string Scope, string Key), IdempotencyRecord> _keysBefore = [];
    private readonly List<string> _rendersOfCommand = [];
    private readonly List<(string Scope, string Key)> _keysOfCommand = [];

    /// <summary>The budgets, with the changes of the running batch applied.</summary>
    public WriterBudgets Budgets { get; } = new();

    /// <summary>The write epoch this session's last committed batch left (-1: none known).</summary>
    public long Epoch { get; set; } = -1;

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

    /// <summary>
    /// A key recorded in this batch or the one before. Only a request looked up before the key's commit can miss it in the
    /// database, and such a request reaches the writer within those two batches; older keys are the database's to answer.
    /// </summary>
    public IdempotencyRecord? Key(string scope, string key) =>
        _keys.GetValueOrDefault((scope, key)) ?? _keysBefore.GetValueOrDefault((scope, key));

    /// <summary>A key found in the database at the start of the batch: not the running command's, so never undone.</summary>
    public void Found(IdempotencyRecord k) => _keys[(k.Scope, k.Key)] = k;

    public void Remember(IdempotencyRecord k)
    {
        _keys[(k.Scope, k.Key)] = k;
        _keysOfCommand.Add((k.Scope, k.Key));
    }

    /// <summary>A command begins; what it changes is tracked until it ends.</summary>
    public void BeginCommand()
    {
        _rendersOfCommand.Clear();
        _keysOfCommand.Clear();
        Budgets.BeginCommand();
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
            _keysBefore.Remove(k);
        }

        _rendersOfCommand.Clear();
        _keysOfCommand.Clear();
        Budgets.UndoCommand();
    }

    /// <summary>At the start of a batch: forgets everything unless the store is as this session left it; stays bounded.</summary>
    public void StartBatch(bool storeUnchanged)
    {
        if (!storeUnchanged || _renders.Count > MaxEntries)
        {
            Forget();
            return;
        }

        (_keysBefore, _keys) = (_keys, _keysBefore);
        _keys.Clear();
    }

    /// <summary>Forgets everything.</summary>
    public void Forget()
    {
        _renders.Clear();
        _keys.Clear();
        _keysBefore.Clear();
        _rendersOfCommand.Clear();
        _keysOfCommand.Clear();
        Budgets.Clear();
        Epoch = -1;
    }
}
