using System.CommandLine;
using System.Globalization;

namespace Likeness.Cli.Verbs;

/// <summary><c>ledger verify | entry | prove | check-proof | rotate-key</c>; the work is in <see cref="LedgerCommands"/> and <see cref="LedgerEntryCommand"/>.</summary>
public static class LedgerVerbs
{
    public static Command Ledger()
    {
        var stateDir = StateDir();
        var trusted = Opt.Text("--trusted-checkpoint", "The checkpoint trusted before, instead of the server's in the state folder (read, then replaced)", "FILE");
        var ledgerKey = Opt.Text("--ledger-key", "The pinned ledger key (default: the server's in the state folder, or FILE.key beside --trusted-checkpoint)", "KEY.json");
        var verify = Opt.Verb("verify", "Verify the log: signatures, tiles, consistency; entries too with an auditor's --key", trusted, ledgerKey, stateDir)
            .Does(async (p, _) =>
            {
                var server = p.GetValue(Globals.Server)!;
                using var api = Run.Client(p);
                return await LedgerCommands.VerifyAsync(api, server, ServerState.For(server, p.GetValue(stateDir)), p.GetValue(trusted), p.GetValue(ledgerKey), p.GetValue(Globals.Json));
            });

        var index = Index();
        var prove = Opt.Verb("prove", "Print an inclusion proof for an entry (JSON), for check-proof", index)
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                return await LedgerCommands.ProveAsync(api, p.GetValue(index));
            });

        var entryIndex = Index();
        var entryStateDir = StateDir();
        var entry = Opt.Verb("entry", "Show an entry, decoded, proven against the checkpoint 'ledger verify' trusts", entryIndex, entryStateDir)
            .Does(async (p, _) =>
            {
                var server = p.GetValue(Globals.Server)!;
                using var api = Run.Client(p);
                return await LedgerEntryCommand.RunAsync(api, server, ServerState.For(server, p.GetValue(entryStateDir)), p.GetValue(entryIndex), p.GetValue(Globals.Json));
            });

        var proofFile = Opt.Word("PROOF", "The proof file from 'ledger prove'");
        var pinned = Opt.Text("--ledger-key", "The pinned ledger key", "KEY.json", required: true);
        var entryBytes = Opt.Text("--entry", "The entry's bytes: the proof must hold for them", "ENTRY.bin");
        var leafHash = Opt.Text("--leaf-hash", "The leaf hash to prove (base64), instead of the proof's", "B64");
        var checkProof = Opt.Verb("check-proof", "Check a proof offline, with only the checkpoint and the pinned key", proofFile, pinned, entryBytes, leafHash)
            .Does((p, _) => Task.FromResult(LedgerCommands.CheckProof(p.GetValue(proofFile)!, p.GetValue(pinned)!, p.GetValue(entryBytes), p.GetValue(leafHash))));

        var rotate = Opt.Verb("rotate-key", "Rotate the ledger signing key (operator)")
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                return await LedgerCommands.RotateKeyAsync(api, p.GetValue(Globals.Json));
            });

        return Opt.Verb("ledger", "The public ledger: verify it, show and prove an entry, rotate its key", verify, entry, prove, checkProof, rotate);
    }

    /// <summary>Where the checkpoint and pinned key of each server are kept.</summary>
    private static Option<string> StateDir() =>
        Opt.Text("--state-dir", "Where each server's trusted checkpoint and pinned key are kept [env: LIKENESS_STATE_DIR; default ~/.config/likeness/servers]", "DIR");

    private static Argument<long> Index() =>
        new("INDEX")
        {
            Description = "The entry's index",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    return i;
                }

                r.AddError($"INDEX: \"{text}\" is not a whole number");
                return 0;
            },
        };
}
