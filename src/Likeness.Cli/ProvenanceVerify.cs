using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Likeness.Cli.Output;
using Likeness.Ledger;
using Likeness.Provenance.Validation;

namespace Likeness.Cli;

/// <summary>
/// <c>likeness provenance verify FILE</c> (docs/PROVENANCE.md): validates the file's C2PA manifest (signature, chain to
/// the operator's root, hard binding) with Likeness's validator; then, when the credential is Likeness's and a key is
/// given, reads the render and its licence, checks the completed render's output hash is this file's, and proves the
/// ledger entries the credential and the render name against the server's signed checkpoint. One screen: what the
/// file is, who consented, under which licence, or exactly what failed. Exit 0 when every check made passed, 1 when
/// one failed (or there is no credential), and the usual codes for the server's answers (5 not found, 4 not allowed,
/// 7 unreachable).
/// </summary>
public static class ProvenanceVerify
{
    /// <summary>The pinned C2PA root's file in a server's state folder.</summary>
    public static string RootPath(ServerState state) => Path.Combine(state.Folder, "c2pa-root.pem");

    public static async Task<int> RunAsync(ApiClient api, bool hasKey, ServerState state, string file, string? trust, bool json)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file}: {e.Message}");
        }

        var anchors = await AnchorsAsync(api, state, trust);
        var report = ManifestValidator.Validate(bytes, anchors, DateTimeOffset.UtcNow);
        var fileSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var checks = new List<(bool Ok, string Text)>();
        var facts = new JsonObject
        {
            ["file"] = Path.GetFileName(file),
            ["sha256"] = fileSha,
            ["credential"] = report.State.ToString(),
            ["manifest"] = report.ManifestLabel,
            ["signer"] = report.Signer,
            ["digitalSourceType"] = report.DigitalSourceType,
        };
        foreach (var failure in report.Failures) checks.Add((false, $"{failure.Code}: {failure.Explanation}"));
        if (report.State == ValidationState.Trusted) checks.Add((true, "signature, chain to the trusted root and hard binding hold"));
        if (report.State == ValidationState.NoManifest) checks.Add((false, "no C2PA manifest in the file (a stripped credential proves nothing)"));

        if (report.State == ValidationState.Trusted && report.Render is { } render)
        {
            facts["render"] = render.RenderId;
            facts["license"] = render.LicenseId;
            facts["performers"] = new JsonArray([.. render.PerformerIds.Select(p => JsonValue.Create(p))]);
            facts["notForTraining"] = render.NotForTraining;
            if (hasKey)
            {
                await CheckServerAsync(api, state, render, fileSha, facts, checks);
            }
            else
            {
                checks.Add((true, "render, licence and ledger not checked: no --key (the studio, the performer's side, an auditor or the operator may read them)"));
            }
        }
        else if (report.State == ValidationState.Trusted)
        {
            checks.Add((true, "not a Likeness credential (no dev.likeness.render assertion): no render to check"));
        }

        var ok = checks.All(c => c.Ok);
        if (json)
        {
            facts["ok"] = ok;
            facts["checks"] = new JsonArray([.. checks.Select(c => new JsonObject { ["ok"] = c.Ok, ["check"] = c.Text })]);
            Answer.PrintJson(facts);
        }
        else
        {
            Print(facts, checks, ok);
        }

        return ok ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static void Print(JsonObject facts, List<(bool Ok, string Text)> checks, bool ok)
    {
        var screen = new StringBuilder();
        screen.AppendLine($"{facts["file"]}  sha256 {facts["sha256"]}");
        screen.AppendLine($"credential: {facts["credential"]}{(facts["manifest"] is { } m ? $"  {m}" : "")}");
        if (facts["signer"] is { } signer) screen.AppendLine($"signed by:  {signer}");
        if (facts["digitalSourceType"] is { } source) screen.AppendLine($"what:       made by a trained model ({source})");
        if (facts["render"] is { } render) screen.AppendLine($"render:     {render}  under licence {facts["license"]}");
        if (facts["performers"] is JsonArray performers) screen.AppendLine($"consented:  {string.Join(", ", performers)}{(facts["performerConsent"] is { } c ? $" ({c})" : "")}");
        if (facts["notForTraining"]?.GetValue<bool>() == true) screen.AppendLine("training:   not allowed (c2pa.training-mining)");
        foreach (var (good, text) in checks) screen.AppendLine($"  {(good ? "ok  " : "FAIL")} {text}");
        screen.AppendLine(ok ? "verified" : "NOT verified");
        Console.Write(screen.ToString());
    }

    private static async Task<IReadOnlyList<X509Certificate2>> AnchorsAsync(ApiClient api, ServerState state, string? trust)
    {
        var path = trust ?? RootPath(state);
        if (!File.Exists(path))
        {
            if (trust is not null) throw new CliException($"cannot read the trust anchors {trust}");
            var pem = Encoding.ASCII.GetString(await api.GetBytesAsync("v1/provenance/trust-anchors"));
            ServerState.Write(path, pem);
            Console.Error.WriteLine($"likeness: pinned the server's C2PA root in {path} (trust on first use)");
        }

        var anchors = new X509Certificate2Collection();
        try
        {
            anchors.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new CliException($"{path} holds no PEM certificate: {e.Message}");
        }

        return anchors.Count > 0 ? [.. anchors] : throw new CliException($"{path} holds no PEM certificate");
    }

    private static async Task CheckServerAsync(
        ApiClient api, ServerState state, Likeness.Provenance.Claims.RenderFacts render, string fileSha, JsonObject facts, List<(bool Ok, string Text)> checks)
    {
        var view = await api.SendAsync(HttpMethod.Get, $"v1/renders/{Uri.EscapeDataString(render.RenderId)}") ?? throw new CliException("the server sent no render");
        var license = await api.SendAsync(HttpMethod.Get, $"v1/licenses/{Uri.EscapeDataString(render.LicenseId)}") ?? throw new CliException("the server sent no licence");
        var status = view["status"]?.GetValue<string>();
        var output = view["outputSha256"]?.GetValue<string>();
        var performer = license["performerId"]?.GetValue<string>();
        facts["performerConsent"] = $"consent version {license["consentVersion"]}, licence {license["status"]}, studio {license["studioId"]}";
        checks.Add((view["licenseId"]?.GetValue<string>() == render.LicenseId, $"the render is under licence {render.LicenseId}"));
        checks.Add((performer is not null && render.PerformerIds.Contains(performer), $"the licence's performer {performer} is named by the credential"));
        checks.Add((status == "completed" && output == fileSha,
            status != "completed" ? $"the render is {status}, not completed: its output is not recorded yet" : output == fileSha ? "the completed render's outputSha256 is this file's hash" : $"the completed render's outputSha256 {output} is not this file's hash"));

        var key = await api.SendAsync(HttpMethod.Get, "v1/ledger/key") ?? throw new CliException("the server published no ledger key");
        checks.Add((key["origin"]?.GetValue<string>() == render.LogOrigin, $"the credential's log is this server's ({render.LogOrigin})"));
        var pinned = File.Exists(state.LedgerKeyPath) ? JsonNode.Parse(await File.ReadAllTextAsync(state.LedgerKeyPath)) ?? key : key;
        if (!File.Exists(state.LedgerKeyPath))
        {
            ServerState.Write(state.LedgerKeyPath, key.ToJsonString());
            Console.Error.WriteLine($"likeness: pinned ledger key {key["keyId"]} in {state.LedgerKeyPath} (trust on first use)");
        }

        Checkpoint checkpoint;
        try
        {
            var note = Encoding.UTF8.GetString(await api.GetBytesAsync("v1/ledger/checkpoint"));
            checkpoint = Checkpoint.Open(note, pinned["keyName"]!.GetValue<string>(), Convert.FromBase64String(pinned["publicKeySpki"]!.GetValue<string>()));
        }
        catch (FormatException e)
        {
            checks.Add((false, $"the server's checkpoint is not signed by the pinned ledger key ({e.Message}); run 'likeness ledger verify'"));
            return;
        }

        var indexes = new[] { render.LedgerIndex, view["ledgerIndex"]!.GetValue<long>() }.Distinct();
        foreach (var index in indexes)
        {
            checks.Add(await ProveEntryAsync(api, checkpoint, index, render.RenderId, status == "completed" ? fileSha : null));
        }
    }

    private static async Task<(bool, string)> ProveEntryAsync(ApiClient api, Checkpoint checkpoint, long index, string renderId, string? fileSha)
    {
        var answer = await api.SendAsync(HttpMethod.Get, $"v1/ledger/entries/{index}") ?? throw new CliException($"entry {index}: the server sent nothing");
        var bytes = Convert.FromBase64String(answer["entry"]!.GetValue<string>());
        var entry = JsonNode.Parse(bytes)!;
        var kind = entry["kind"]?.GetValue<string>();
        if (entry["render"]?.GetValue<string>() != renderId) return (false, $"ledger entry {index} ({kind}) is not about render {renderId}");
        if (kind == "render.completed" && fileSha is not null && entry["outputSha256"]?.GetValue<string>() != fileSha)
        {
            return (false, $"ledger entry {index} (render.completed) records another output hash");
        }

        if (index >= checkpoint.Size) return (false, $"ledger entry {index} ({kind}) is beyond the signed checkpoint of size {checkpoint.Size}");
        var proof = await api.SendAsync(HttpMethod.Get, $"v1/ledger/proofs/inclusion?index={index}&treeSize={checkpoint.Size}");
        return ProofVerifier.Inclusion(index, checkpoint.Size, Hashes.Leaf(bytes), HttpLogFetchers.ProofHashes(proof?["proof"]), checkpoint.Root) is { } why
            ? (false, $"ledger entry {index} ({kind}) is not in the signed log: {why}")
            : (true, $"ledger entry {index} ({kind}) is in the log signed at size {checkpoint.Size}");
    }
}
