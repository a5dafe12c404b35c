using System.CommandLine;
using System.Text.Json.Nodes;
using Likeness.Application.Common;
using Likeness.Application.Vault;
using Likeness.Cli.Output;
using Likeness.Server;

namespace Likeness.Cli.Verbs;

/// <summary><c>vault rotate-key</c>: the custody vault's master key, rotated on the store itself with no node serving (docs/CUSTODY.md).</summary>
public static class VaultVerbs
{
    public static Command Vault()
    {
        var signingKey = Opt.Text("--signing-key", "The ledger signing key file the vault key sits beside [env: LIKENESS_SIGNING_KEY; default FILE.signing-key.pem beside a SQLite store]", "PEM");
        var rotate = Opt.Verb("rotate-key", "Rotate the vault master key: new performer keys, every data key re-wrapped, content untouched (stop every node first)", signingKey)
            .Does(async (p, _) =>
            {
                var db = Globals.RequireDb(p);
                var files = StoreFactory.SigningKeys(db, p.GetValue(signingKey) ?? Environment.GetEnvironmentVariable("LIKENESS_SIGNING_KEY"));
                await using var store = StoreFactory.Open(db);
                VaultKeyRotation.Result result;
                try
                {
                    result = await VaultKeyRotation.RotateAsync(store, files, TimeProvider.System);
                }
                catch (AppProblem e)
                {
                    throw new CliException(e.Message);
                }

                if (p.GetValue(Globals.Json))
                {
                    Answer.PrintJson(new JsonObject
                    {
                        ["performerKeys"] = result.PerformerKeys,
                        ["dataKeys"] = result.DataKeys,
                        ["ledgerIndex"] = result.LedgerIndex,
                        ["keyFile"] = files.VaultKeyPath,
                    });
                }
                else
                {
                    Console.WriteLine(result.LedgerIndex is { } index
                        ? $"Rotated the vault master key ({files.VaultKeyPath}): {result.PerformerKeys} performer keys, {result.DataKeys} data keys re-wrapped; ledger entry {index}. Copy the new key file to every node."
                        : $"Finished an interrupted rotation: {files.VaultKeyPath} is the new key.");
                }

                return ExitCodes.Ok;
            });
        return Opt.Verb("vault", "The custody vault's keys", rotate);
    }
}
