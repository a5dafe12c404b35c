using System.Collections.Immutable;
using Likeness.Domain.Content;
using Likeness.Domain.Language;
using Likeness.Domain.Licensing;
using Likeness.Domain.Policy;

namespace Likeness.Domain.Decisions;

/// <summary>
/// Decides one render against a compiled licence and its performer's consent. Stateless and pure: the same
/// snapshot, facts and budgets always give the same decision. Default deny (no matching use denies);
/// a consent prohibition overrides the licence; every failed check adds its own reason, so a denial lists
/// everything that is wrong at once; a permit carries its obligations.
/// </summary>
public static class RenderEvaluator
{
    private const string SensitiveRule = "policy/sensitive-content";
    private const string LicenseRule = "license";
    private const string EstateRule = "law/post-mortem-consent";
    private const string PostMortemRule = "law/post-mortem-term";
    private const string ExternalClassifierRule = "policy/external-classifier";

    /// <summary>Evaluates as <see cref="Decide(CompiledLicense, in RenderFacts, ReadOnlySpan{UseBudget}, ReadOnlySpan{CapUsage}, bool, DecisionBuilder)"/> with nothing counted against the performer's caps.</summary>
    public static DecisionEffect Decide(CompiledLicense license, in RenderFacts f, ReadOnlySpan<UseBudget> budgets, bool instanceApproved, DecisionBuilder into) =>
        Decide(license, f, budgets, [], instanceApproved, into);

    /// <summary>
    /// Evaluates into <paramref name="into"/> (reset first). <paramref name="budgets"/> has one entry per licence use;
    /// <paramref name="caps"/> one per cap of the consent (<see cref="CompiledConsent.Caps"/>), what each counted in its
    /// current period (a cap without an entry counted nothing). <paramref name="instanceApproved"/> is true when the
    /// performer side already approved this very render.
    /// </summary>
    public static DecisionEffect Decide(CompiledLicense license, in RenderFacts f, ReadOnlySpan<UseBudget> budgets, ReadOnlySpan<CapUsage> caps, bool instanceApproved, DecisionBuilder into)
    {
        into.Reset();
        // Exhaustion is not a lifecycle reason here: the budget checks below name which budget is spent.
        switch (LicenseLifecycle.StatusAt(f.AtUnixMillis, license.StoredStatus, license.RevocationEffectiveMillis, license.TermEndMillis, exhausted: false, license.SuspendedAt(f.AtUnixMillis)))
        {
            case LicenseStatus.Revoked:
                into.Add(ReasonCode.LicenseRevoked, LicenseRule);
                break;
            case LicenseStatus.Expired:
                into.Add(ReasonCode.LicenseExpired, LicenseRule);
                break;
            case LicenseStatus.Suspended:
                // Each suspension that holds is its own reason, naming whose it is (a strike, the union, the performer side).
                foreach (var s in license.Suspensions)
                {
                    if (s.HoldsAt(f.AtUnixMillis))
                    {
                        into.Add(ReasonCode.LicenseSuspended, s.Reference);
                    }
                }

                break;
        }

        if (license.PerformerDeceased && !license.EstateConfirmed)
        {
            into.Add(ReasonCode.EstateConsentRequired, EstateRule);
        }

        // Every licence ends with the post-mortem right (docs/DOMAIN.md, "Death and post-mortem terms").
        if (f.AtUnixMillis >= license.PostMortemEndMillis)
        {
            into.Add(ReasonCode.PostMortemTermEnded, PostMortemRule);
        }

        // The closest use explains the denial; with one use (the usual case) that is exact.
        var best = 0;
        var bestFailures = int.MaxValue;
        for (var i = 0; i < license.Uses.Length && bestFailures > 0; i++)
        {
            var failures = CheckUse(license.Uses[i], f, budgets[i], null);
            if (failures < bestFailures)
            {
                best = i;
                bestFailures = failures;
            }
        }

        var budget = budgets.Length > 0 ? budgets[best] : default;
        if (license.Uses.Length > 0)
        {
            into.UseIndex = best;
            CheckUse(license.Uses[best], f, budget, into);
        }

        var consent = license.Consent;
        foreach (var p in consent.Prohibitions)
        {
            if (p.Applies(f, budget))
            {
                into.Add(p.ConstrainsContent ? ReasonCode.ContentProhibited : p.ConstrainsRole ? ReasonCode.RoleNotPermitted : ReasonCode.UseProhibited, p.Reference);
            }
        }

        // A cap limits the output across licences: a render the licence permits is denied when it would pass one.
        var consentCaps = consent.Caps;
        for (var i = 0; i < consentCaps.Length; i++)
        {
            var cap = consentCaps[i];
            if (cap.Counts(f.Modality) && cap.WouldPass(i < caps.Length ? caps[i] : default, f.RequestedMillis))
            {
                into.Add(ReasonCode.PerformerCapExhausted, cap.Reference);
            }
        }

        // Declared and detected categories are judged alike (docs/DOMAIN.md, "Decisions"): a sensitive one the use does
        // not list goes to the performer side for this render, whatever the consent pre-approves; one it lists needs that
        // too unless a permission that holds for this render pre-approves it.
        var sensitive = f.Categories & ContentCategories.Sensitive;
        if (!instanceApproved && sensitive != 0)
        {
            var listed = license.Uses.Length > 0 ? license.Uses[best].AllowedCategories : 0;
            if ((sensitive & ~listed) != 0)
            {
                into.Add(ReasonCode.InstanceApprovalRequired, license.Uses.Length > 0 ? license.Uses[best].Reference : LicenseRule);
            }

            if ((sensitive & listed & ~consent.PreapprovedAt(f, budget)) != 0)
            {
                into.Add(ReasonCode.InstanceApprovalRequired, SensitiveRule);
            }
        }

        // What the operator's classifier would have found is unknown: the performer side decides, never a silent permit.
        if (!instanceApproved && f.ClassifierUnavailable)
        {
            into.Add(ReasonCode.InstanceApprovalRequired, ExternalClassifierRule);
        }

        foreach (var p in consent.Permissions)
        {
            if (!p.Applies(f, budget))
            {
                continue;
            }

            foreach (var (action, when, obligation) in p.Duties)
            {
                if (!CompiledRule.AllHold(when.AsSpan(), f, budget))
                {
                    continue;
                }

                if (action == DutyAction.ObtainConsent)
                {
                    if (!instanceApproved)
                    {
                        into.Add(ReasonCode.InstanceApprovalRequired, p.Reference);
                    }
                }
                else
                {
                    into.Oblige(obligation);
                }
            }
        }

        foreach (var o in license.Obligations)
        {
            into.Oblige(o);
        }

        return into.Effect;
    }

    /// <summary>Counts (and, with a builder, explains) every way the render falls outside one use.</summary>
    private static int CheckUse(CompiledUse u, in RenderFacts f, in UseBudget b, DecisionBuilder? into)
    {
        var failures = 0;
        void Fail(ReasonCode code)
        {
            failures++;
            into?.Add(code, u.Reference);
        }

        if ((u.Modalities & (1UL << (int)f.Modality)) == 0)
        {
            Fail(ReasonCode.ModalityNotLicensed);
        }

        if ((u.Purposes & (1UL << (int)f.Purpose)) == 0)
        {
            Fail(ReasonCode.PurposeNotLicensed);
        }

        if (!u.Territory.Contains(f.Country))
        {
            Fail(ReasonCode.TerritoryNotLicensed);
        }

        if (!CoversLanguage(u.Languages, f.Language))
        {
            Fail(ReasonCode.LanguageNotLicensed);
        }

        if (f.AtUnixMillis < u.FromMillis || f.AtUnixMillis >= u.ToMillis)
        {
            Fail(ReasonCode.OutsideLicenseWindow);
        }

        if (u.MaxMillisPerDeliverable is { } maxDeliverable && f.RequestedMillis > maxDeliverable)
        {
            Fail(ReasonCode.DeliverableTooLong);
        }

        if ((u.Derivations & (1UL << (int)f.Derivation)) == 0)
        {
            Fail(ReasonCode.DerivationNotLicensed);
        }

        if (f.Realtime && !u.Realtime)
        {
            Fail(ReasonCode.RealtimeNotPermitted);
        }

        // Sensitive categories outside the use go to per-instance approval instead (Decide), declared or detected.
        if ((f.Categories & ~ContentCategories.Sensitive & ~u.AllowedCategories) != 0)
        {
            Fail(ReasonCode.ContentNotLicensed);
        }

        if (u.MaxSyntheticMillis is { } maxSeconds && b.SecondsCommittedMillis + f.RequestedMillis > maxSeconds)
        {
            Fail(ReasonCode.SecondsBudgetExhausted);
        }

        if (u.MaxRenders is { } maxRenders && b.RendersCommitted + 1 > maxRenders)
        {
            Fail(ReasonCode.RenderBudgetExhausted);
        }

        return failures;
    }

    private static bool CoversLanguage(ImmutableArray<string> ranges, string tag)
    {
        foreach (var r in ranges)
        {
            if (LanguageTag.Covers(r, tag))
            {
                return true;
            }
        }

        return false;
    }
}
