using System.CommandLine;

namespace Likeness.Cli.Verbs;

/// <summary><c>provenance verify</c> (the work is in <see cref="ProvenanceVerify"/>) and <c>provenance detect</c> (<see cref="WatermarkVerbs"/>).</summary>
public static class ProvenanceVerbs
{
    public static Command Provenance()
    {
        var file = Opt.Word("FILE", "The WAV or JPEG file whose C2PA credential to check");
        var trust = Opt.Text("--trust", "The trust anchors (PEM) instead of the server's root pinned in the state folder", "ROOT.pem");
        var stateDir = Opt.Text("--state-dir", "Where each server's pinned keys and checkpoint are kept [env: LIKENESS_STATE_DIR; default ~/.config/likeness/servers]", "DIR");
        var verify = Opt.Verb("verify", "Check a file's C2PA credential: signature, chain to the operator's root, hard binding; then, with a key that may see them, its render, licence and ledger entries", file, trust, stateDir)
            .Does(async (p, _) =>
            {
                var server = p.GetValue(Globals.Server)!;
                using var api = Run.Client(p);
                return await ProvenanceVerify.RunAsync(api, Globals.KeyOf(p) is not null, ServerState.For(server, p.GetValue(stateDir)), p.GetValue(file)!, p.GetValue(trust), p.GetValue(Globals.Json));
            });
        return Opt.Verb("provenance", "Where a rendered file came from: its content credential (C2PA) and its watermark", verify, WatermarkVerbs.Detect(), FingerprintVerbs.Identify());
    }
}
