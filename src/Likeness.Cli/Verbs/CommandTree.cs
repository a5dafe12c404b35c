using System.CommandLine;
using System.CommandLine.Help;

namespace Likeness.Cli.Verbs;

/// <summary>The whole <c>likeness</c> command line: a command per verb, the global options, and the exit codes in the help.</summary>
public static class CommandTree
{
    public static RootCommand Build()
    {
        var root = new RootCommand($"""
            likeness — consent, licensing and royalty ledger for digital replicas

            Every verb takes --server, --key, --db (or LIKENESS_URL, LIKENESS_KEY, LIKENESS_DB) and --json,
            anywhere on the line; --act-key FILE (or LIKENESS_ACT_KEY) signs every act with your key.
            Errors and denials: one line on stderr. 'likeness VERB --help' for a verb's options.

            {ExitCodes.Table}
            """)
        {
            StoreVerbs.Init(),
            StoreVerbs.Serve(),
            MeVerb.Me(),
            PartyVerbs.Party(),
            PartyVerbs.Asset(),
            ActVerbs.Keys(),
            ActVerbs.Act(),
            ActVerbs.Powers(),
            ConsentVerbs.Consent(),
            RequestVerbs.Request(),
            LicenseVerbs.License(),
            RenderVerbs.Render(),
            UsageVerb.Usage(),
            PlanVerbs.Plan(),
            PlanVerbs.Valuation(),
            RoyaltyVerbs.Splits(),
            RoyaltyVerbs.Rates(),
            RoyaltyVerbs.Statements(),
            LedgerVerbs.Ledger(),
            ProvenanceVerbs.Provenance(),
            WebhookVerbs.Webhook(),
            StrikeVerbs.Strike(),
            StrikeVerbs.PostMortem(),
            VaultVerbs.Vault(),
            CompletionVerb.Completion(),
        };
        Globals.AddTo(root);

        // Bare 'likeness' prints the help, and exits 1: it did nothing.
        root.SetAction(p =>
        {
            new HelpAction().Invoke(p);
            return ExitCodes.Failed;
        });
        return root;
    }
}
