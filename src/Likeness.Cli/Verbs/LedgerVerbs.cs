using System.CommandLine;
using System.Globalization;

namespace Likeness.Cli.Verbs;

/// <summary><c>ledger verify | prove | check-proof | rotate-key</c>; the work is in <see cref="LedgerCommands"/>.</summary>
public static class LedgerVerbs
{
    public static Command Ledger()
    {
        var trusted = Opt.Text("--trusted-checkpoint", "The checkpoint trusted before (read, then replaced by the verified one)", "FILE");
        var ledgerKey = Opt.Text("--ledger-key", "The pinned ledger key (default: FILE.key beside the trusted checkpoint)", "KEY.json");
        var verify = Opt.Verb("verify", "Verify the log: signatures, tiles, consistency; entries too with an auditor's --key", trusted, ledgerKey)
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                return await LedgerCommands.VerifyAsync(api, p.GetValue(Globals.Server)!, p.GetValue(trusted), p.GetValue(ledgerKey), p.GetValue(Globals.Json));
            });

        var index = new Argument<long>("INDEX")
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
        var prove = Opt.Verb("prove", "Print an inclusion proof for an entry (JSON), for check-proof", index)
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                return await LedgerCommands.ProveAsync(api, p.GetValue(index));
            });

        var proofFile = Opt.Word("PROOF", "The proof file from 'ledger prove'");
        var pinned = Opt.Text("--ledger-key", "The pinned ledger key", "KEY.json", required: true);
        var entry = Opt.Text("--entry", "The entry's bytes: the proof must hold for them", "ENTRY.bin");
        var leafHash = Opt.Text("--leaf-hash", "The leaf hash to prove (base64), instead of the proof's", "B64");
        var checkProof = Opt.Verb("check-proof", "Check a proof offline, with only the checkpoint and the pinned key", proofFile, pinned, entry, leafHash)
            .Does((p, _) => Task.FromResult(LedgerCommands.CheckProof(p.GetValue(proofFile)!, p.GetValue(pinned)!, p.GetValue(entry), p.GetValue(leafHash))));

        var rotate = Opt.Verb("rotate-key", "Rotate the ledger signing key (operator)")
            .Does(async (p, _) =>
            {
                using var api = Run.Client(p);
                return await LedgerCommands.RotateKeyAsync(api, p.GetValue(Globals.Json));
            });

        return Opt.Verb("ledger", "The public ledger: verify it, prove an entry, rotate its key", verify, prove, checkProof, rotate);
    }
}
