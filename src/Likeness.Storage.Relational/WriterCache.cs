using Likeness.Application.Model;
using Likeness.Application.Ports;

namespace Likeness.Storage.Relational;

/// <summary>
/// What the writer's session remembers of the store from one batch to the next while its writes are deferred: the
/// budgets, the renders it wrote or read, and the idempotency keys it recorded. The render path then reads nothing
/// from the database but the ledger's size once per batch.
/// </summary>
/// <remarks>
/// INVARIANT: the budgets and renders here are the stored ones whenever no other writer committed since this session's
/// last batch. Every write batch of every node bumps the store's write epoch; a batch that finds the epoch is not the one
/// this session left forgets everything (<see cref="Forget"/>). Idempotency keys here are only a hint: a key recorded by
/// another node is refused by the table's primary key, and the batch then runs again one command at a time, reading.
/// </remarks>
internal sealed class WriterCache
{
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, RenderRecord> _renders = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Scope, string Key), IdempotencyRecord> _keys = [];
    private readonly List<string> _rendersOfCommand = [];
    private readonly List<(string Scope, string Key)> _keysOfCommand = [];

    /// <summary>The budgets, with the changes of the running batch applied.</summary>
    public TransactionBudgets Budgets { get; } = new();

    /// <summary>The write epoch this session's last committed batch left (-1: none known).</summary>
    public long Epoch { get; set; } = -1;

    public RenderRecord? Render(string id) => _renders.GetValueOrDefault(id);

    public void Remember(RenderRecord r)
    {
        _renders[r.Id] = r;
        _rendersOfCommand.Add(r.Id);
    }

    public IdempotencyRecord? Key(string scope, string key) => _keys.GetValueOrDefault((scope, key));

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
        }

        _rendersOfCommand.Clear();
        _keysOfCommand.Clear();
        Budgets.UndoCommand();
    }

    /// <summary>At the start of a batch: forgets everything unless the store is as this session left it; stays bounded.</summary>
    public void StartBatch(bool storeUnchanged)
    {
        if (!storeUnchanged || _renders.Count > MaxEntries || _keys.Count > MaxEntries)
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
        Budgets.Clear();
        Epoch = -1;
    }
}
