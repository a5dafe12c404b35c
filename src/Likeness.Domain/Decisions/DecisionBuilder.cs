namespace Likeness.Domain.Decisions;

/// <summary>
/// A reusable scratch buffer the evaluator writes into, so that a decision allocates nothing until it is
/// turned into a <see cref="Decision"/>. Not thread-safe: one per thread or per call.
/// </summary>
public sealed class DecisionBuilder
{
    private const int Capacity = 64;
    private readonly Reason[] _reasons = new Reason[Capacity];
    private readonly Obligation[] _obligations = new Obligation[Capacity];
    private ulong _codes;

    public int ReasonCount { get; private set; }

    public int ObligationCount { get; private set; }

    /// <summary>The licence use the render was matched to, or -1.</summary>
    public int UseIndex { get; set; } = -1;

    /// <summary>The codes present, one bit per <see cref="ReasonCode"/>.</summary>
    public ulong Codes => _codes;

    public ReadOnlySpan<Reason> Reasons => _reasons.AsSpan(0, ReasonCount);

    public ReadOnlySpan<Obligation> Obligations => _obligations.AsSpan(0, ObligationCount);

    public bool Has(ReasonCode c) => (_codes & (1UL << (int)c)) != 0;

    /// <summary>The effect: permit with no reasons; pending when the only reason is per-instance approval.</summary>
    public DecisionEffect Effect =>
        _codes == 0 ? DecisionEffect.Permit
        : _codes == 1UL << (int)ReasonCode.InstanceApprovalRequired ? DecisionEffect.PendingApproval
        : DecisionEffect.Deny;

    public void Reset()
    {
        Array.Clear(_reasons, 0, ReasonCount);
        Array.Clear(_obligations, 0, ObligationCount);
        ReasonCount = 0;
        ObligationCount = 0;
        _codes = 0;
        UseIndex = -1;
    }

    /// <summary>Adds a reason; the same code from the same rule is kept once.</summary>
    public void Add(ReasonCode code, string rule)
    {
        foreach (ref readonly var r in Reasons)
        {
            if (r.Code == code && string.Equals(r.Rule, rule, StringComparison.Ordinal))
            {
                return;
            }
        }

        if (ReasonCount < Capacity)
        {
            _reasons[ReasonCount++] = new Reason(code, rule);
        }

        _codes |= 1UL << (int)code;
    }

    public void Oblige(Obligation o)
    {
        if (ObligationCount < Capacity && Array.IndexOf(_obligations, o, 0, ObligationCount) < 0)
        {
            _obligations[ObligationCount++] = o;
        }
    }

    /// <summary>Copies the buffer into an immutable decision. Obligations come only with a permit (or a pending permit).</summary>
    public Decision Build() =>
        new(Effect, Reasons.ToArray(), Effect == DecisionEffect.Deny ? [] : Obligations.ToArray(), UseIndex);
}
