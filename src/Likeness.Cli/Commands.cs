using System.Globalization;
using System.Text.Json.Nodes;
using Likeness.Application;
using Likeness.Server;
using Likeness.Server.Secrets;
using Microsoft.Extensions.Hosting;

namespace Likeness.Cli;

/// <summary>The <c>likeness</c> verbs. Each returns the process exit code.</summary>
public static class Commands
{
    public const string Usage = """
        likeness — consent, licensing and royalty ledger for digital replicas

        Store and server:
          likeness init --db FILE [--signing-key PEM] [--json]
          likeness serve --db FILE --urls http://127.0.0.1:PORT [--signing-key PEM] [--demo]
              [--cert CERT.pem --cert-key KEY.pem | --cert CERT.pfx [--cert-password P]] [--forwarded-headers]
              [--rate-limit-key N] [--rate-limit-address N] [--rate-limit-auth-failures N_PER_MINUTE]
              [--idempotency-retention P7D]
            (the ledger signing key file: default FILE.signing-key.pem; required for PostgreSQL; LIKENESS_SIGNING_KEY)
        Parties and assets (operator / performer side):
          likeness party create --kind KIND --name NAME [--represents ID[,ID]]
          likeness party get ID
          likeness party death PERFORMER_ID --died-on YYYY-MM-DD
          likeness asset add PERFORMER_ID --name N --modality M --tier T [--sha256 H] [--size BYTES]
          likeness asset list PERFORMER_ID
        Consent:
          likeness consent set PERFORMER_ID --file POLICY.json
          likeness consent get PERFORMER_ID [--odrl]
        Licence requests and licences:
          likeness request create --file REQUEST.json
          likeness request get|approve|accept ID [--note TEXT] [--attest-by counsel|union --attest-name NAME]
          likeness request veto ID --reason TEXT
          likeness request counter ID --file TERMS.json
          likeness license get|suspend|resume|estate-consent ID
          likeness license revoke ID --notice-days N
        Renders (studio) and approvals (performer side):
          likeness render authorize --license ID --modality M --purpose P --territory CC --language TAG --seconds S
                                    [--categories a,b] [--prompt TEXT] [--derivation D] [--deliverable NAME]
          likeness render complete ID --seconds S --sha256 HEX
          likeness render get|cancel|approve|reject ID
        Usage:
          likeness usage --license ID | --performer ID [--cursor C] [--limit N]
        Royalties:
          likeness splits set PERFORMER_ID --file SPLITS.json | splits get PERFORMER_ID
          likeness rates load UNION_ID --file RATES.json | rates get UNION_ID      (operator loads)
          likeness statements get --party ID --period YYYY-MM [--csv]
          likeness statements close --period YYYY-MM                              (operator)
          likeness statements verify --period YYYY-MM                             (operator, auditor)
        Ledger (anyone; with an auditor's --key the entries are replayed too):
          likeness ledger verify [--trusted-checkpoint FILE] [--ledger-key KEY.json]
          likeness ledger prove INDEX > proof.json
          likeness ledger check-proof proof.json --ledger-key KEY.json [--entry ENTRY.bin]
          likeness ledger rotate-key                                             (operator)

        Common options: --server URL (LIKENESS_URL), --key KEY (LIKENESS_KEY), --db (LIKENESS_DB),
        --idempotency-key K, --json. Errors and denials: one line on stderr, non-zero exit (2 for a denial).
        """;

    public static async Task<int> RunAsync(Args a)
    {
        if (a.Words.Count == 0 || a.Has("help") || a.Words[0] == "help")
        {
            Console.WriteLine(Usage);
            return a.Words.Count == 0 && !a.Has("help") ? 1 : 0;
        }

        return a.Words[0] switch
        {
            "init" => await InitAsync(a),
            "serve" => await ServeAsync(a),
            _ => await RemoteAsync(a),
        };
    }

    private static async Task<int> InitAsync(Args a)
    {
        var db = a.Require("db", "LIKENESS_DB");
        var signingKey = StoreFactory.SigningKeys(db, SigningKeyPath(a));
        await using var store = StoreFactory.Open(db);
        using var core = await LikenessCore.OpenAsync(store, signingKey, TimeProvider.System, new LikenessOptions());
        var key = await core.Parties.InitializeAsync();
        var keyFile = key is not null && KeyFile.Write(db, key);

        if (a.Json)
        {
            Printer.Print(new JsonObject
            {
                ["initialized"] = key is not null,
                ["operatorKey"] = key,
                ["keyFile"] = keyFile ? KeyFile.PathFor(db) : null,
                ["db"] = db,
                ["ledgerKeyId"] = core.Keys.Current.KeyId,
                ["signingKeyFile"] = signingKey.Location,
            }, json: true);
        }
        else if (key is null)
        {
            Console.WriteLine($"{db} is already initialised; nothing changed.");
            Console.WriteLine(SigningKeyLine(core));
        }
        else
        {
            Console.WriteLine($"Initialised {(StoreFactory.IsPostgres(db) ? "the PostgreSQL store" : db)}.");
            Console.WriteLine(keyFile ? $"Operator key (shown once, also saved to {KeyFile.PathFor(db)}): {key}" : $"Operator key (shown once; keep it): {key}");
            Console.WriteLine(SigningKeyLine(core));
        }

        return 0;
    }

    private static async Task<int> ServeAsync(Args a)
    {
        var db = a.Require("db", "LIKENESS_DB");
        var urls = a.Get("urls") ?? "http://127.0.0.1:8080";
        var server = await LikenessServer.BuildAsync(ServeSettings.From(a, db, urls) with { SigningKey = SigningKeyPath(a) });
        var keyFile = server.NewOperatorKey is { } key && KeyFile.Write(db, key);

        DemoSeeder.DemoParties? demo = null;
        if (a.Has("demo"))
        {
            if (server.NewOperatorKey is null)
            {
                throw new CliException("--demo seeds a fresh store only; this store already has data (use a new --db file)");
            }

            demo = await DemoSeeder.SeedAsync(server.Core, server.NewOperatorKey);
        }

        await server.App.StartAsync();
        var address = server.App.Urls.FirstOrDefault() ?? urls;
        Console.WriteLine($"Likeness listening on {address} (store {(StoreFactory.IsPostgres(db) ? "PostgreSQL" : db)})");
        Console.WriteLine(
            keyFile || (!StoreFactory.IsPostgres(db) && File.Exists(KeyFile.PathFor(db))) ? $"Operator key: {KeyFile.PathFor(db)}"
            : server.NewOperatorKey is { } fresh ? $"Operator key (this start initialised the store; shown once, keep it): {fresh}"
            : "Operator key: the one 'likeness init' printed for this store");
        Console.WriteLine(SigningKeyLine(server.Core));
        if (demo is not null)
        {
            Console.WriteLine(DemoSeeder.Describe(demo, address));
        }

        await server.App.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>--signing-key, else LIKENESS_SIGNING_KEY; null: beside a SQLite store.</summary>
    private static string? SigningKeyPath(Args a) => a.Get("signing-key") ?? Environment.GetEnvironmentVariable("LIKENESS_SIGNING_KEY");

    private static string SigningKeyLine(LikenessCore core) =>
        $"Ledger signing key {core.Keys.Current.KeyId}: {core.Keys.Location} (owner-only; never in the database; back it up apart from it)";

    private static async Task<int> RemoteAsync(Args a)
    {
        var server = a.Get("server") ?? Environment.GetEnvironmentVariable("LIKENESS_URL") ?? "http://127.0.0.1:8080";
        var key = a.Get("key") ?? Environment.GetEnvironmentVariable("LIKENESS_KEY");
        using var api = new ApiClient(server, key, a.Get("idempotency-key"));
        if (a.Words[0] == "ledger")
        {
            return await LedgerCommands.RunAsync(a, api, server);
        }

        var verb = a.Words.Count > 1 ? a.Words[1] : "";
        if (a.Words[0] == "statements" && verb == "get" && a.Has("csv"))
        {
            Console.Write(System.Text.Encoding.UTF8.GetString(await api.GetBytesAsync(StatementPath(a, "csv"))));
            return 0;
        }

        string Id() => Uri.EscapeDataString(a.Word(2, "id"));
        JsonNode? result = (a.Words[0], verb) switch
        {
            ("party", "create") => await api.SendAsync(HttpMethod.Post, "v1/parties", new JsonObject
            {
                ["kind"] = a.Require("kind"),
                ["name"] = a.Require("name"),
                ["represents"] = a.Get("represents") is { } r ? new JsonArray(r.Split(',').Select(x => (JsonNode)x.Trim()).ToArray()) : null,
            }.ToJsonString()),
            ("party", "get") => await api.SendAsync(HttpMethod.Get, $"v1/parties/{Id()}"),
            ("party", "death") => await api.SendAsync(HttpMethod.Post, $"v1/performers/{Id()}/death", new JsonObject { ["diedOn"] = a.Require("died-on") }.ToJsonString()),
            ("asset", "add") => await api.SendAsync(HttpMethod.Post, $"v1/performers/{Id()}/assets", new JsonObject
            {
                ["name"] = a.Require("name"),
                ["modality"] = a.Require("modality"),
                ["tier"] = a.Require("tier"),
                ["sha256"] = a.Get("sha256"),
                ["sizeBytes"] = a.Get("size") is { } sz ? long.Parse(sz, CultureInfo.InvariantCulture) : null,
            }.ToJsonString()),
            ("asset", "list") => await api.SendAsync(HttpMethod.Get, $"v1/performers/{Id()}/assets"),
            ("consent", "set") => await api.SendAsync(HttpMethod.Put, $"v1/performers/{Id()}/consent", ReadFile(a)),
            ("consent", "get") => await api.SendAsync(HttpMethod.Get, $"v1/performers/{Id()}/consent" + (a.Has("odrl") ? "?format=odrl" : "")),
            ("request", "create") => await api.SendAsync(HttpMethod.Post, "v1/license-requests", ReadFile(a)),
            ("request", "get") => await api.SendAsync(HttpMethod.Get, $"v1/license-requests/{Id()}"),
            ("request", "approve") => await api.SendAsync(HttpMethod.Post, $"v1/license-requests/{Id()}/approve", new JsonObject
            {
                ["note"] = a.Get("note"),
                ["attestation"] = a.Get("attest-by") is { } by ? new JsonObject { ["by"] = by, ["name"] = a.Require("attest-name") } : null,
            }.ToJsonString()),
            ("request", "accept") => await api.SendAsync(HttpMethod.Post, $"v1/license-requests/{Id()}/accept", new JsonObject { ["note"] = a.Get("note") }.ToJsonString()),
            ("request", "veto") => await api.SendAsync(HttpMethod.Post, $"v1/license-requests/{Id()}/veto", new JsonObject { ["reason"] = a.Require("reason") }.ToJsonString()),
            ("request", "counter") => await api.SendAsync(HttpMethod.Post, $"v1/license-requests/{Id()}/counter", ReadFile(a)),
            ("license", "get") => await api.SendAsync(HttpMethod.Get, $"v1/licenses/{Id()}"),
            ("license", "suspend" or "resume" or "estate-consent") => await api.SendAsync(HttpMethod.Post, $"v1/licenses/{Id()}/{verb}", "{}"),
            ("license", "revoke") => await api.SendAsync(HttpMethod.Post, $"v1/licenses/{Id()}/revoke", new JsonObject { ["noticeDays"] = int.Parse(a.Require("notice-days"), CultureInfo.InvariantCulture) }.ToJsonString()),
            ("render", "authorize") => await api.SendAsync(HttpMethod.Post, "v1/renders", new JsonObject
            {
                ["licenseId"] = a.Require("license"),
                ["modality"] = a.Require("modality"),
                ["purpose"] = a.Require("purpose"),
                ["territory"] = a.Require("territory"),
                ["language"] = a.Require("language"),
                ["requestedSeconds"] = decimal.Parse(a.Require("seconds"), CultureInfo.InvariantCulture),
                ["contentCategories"] = a.Get("categories") is { } c ? new JsonArray(c.Split(',').Select(x => (JsonNode)x.Trim()).ToArray()) : null,
                ["prompt"] = a.Get("prompt"),
                ["derivation"] = a.Get("derivation"),
                ["deliverable"] = a.Get("deliverable"),
            }.ToJsonString()),
            ("render", "complete") => await api.SendAsync(HttpMethod.Post, $"v1/renders/{Id()}/complete", new JsonObject
            {
                ["actualSeconds"] = decimal.Parse(a.Require("seconds"), CultureInfo.InvariantCulture),
                ["outputSha256"] = a.Require("sha256"),
            }.ToJsonString()),
            ("render", "get") => await api.SendAsync(HttpMethod.Get, $"v1/renders/{Id()}"),
            ("render", "cancel" or "approve" or "reject") => await api.SendAsync(HttpMethod.Post, $"v1/renders/{Id()}/{verb}", "{}"),
            ("usage", _) => await api.SendAsync(HttpMethod.Get, UsagePath(a)),
            ("splits", "set") => await api.SendAsync(HttpMethod.Put, $"v1/performers/{Id()}/splits", ReadFile(a)),
            ("splits", "get") => await api.SendAsync(HttpMethod.Get, $"v1/performers/{Id()}/splits"),
            ("rates", "load") => await api.SendAsync(HttpMethod.Put, $"v1/unions/{Id()}/rates", ReadFile(a)),
            ("rates", "get") => await api.SendAsync(HttpMethod.Get, $"v1/unions/{Id()}/rates"),
            ("statements", "get") => await api.SendAsync(HttpMethod.Get, StatementPath(a, "json")),
            ("statements", "close") => await api.SendAsync(HttpMethod.Post, "v1/statements/close", new JsonObject { ["period"] = a.Require("period") }.ToJsonString()),
            ("statements", "verify") => RequireMatch(await api.SendAsync(HttpMethod.Get, $"v1/statements/verify?period={Uri.EscapeDataString(a.Require("period"))}"), a.Json),
            _ => throw new CliException($"unknown command '{string.Join(' ', a.Words.Take(2))}'; see 'likeness --help'"),
        };
        Printer.Print(result, a.Json);
        return 0;
    }


    private static string StatementPath(Args a, string format) =>
        $"v1/statements?party={Uri.EscapeDataString(a.Require("party"))}&period={Uri.EscapeDataString(a.Require("period"))}&format={format}";

    /// <summary>A recomputed period that differs from what was frozen is a failure: print the differences, exit 1.</summary>
    private static JsonNode? RequireMatch(JsonNode? check, bool json)
    {
        if (check?["matches"]?.GetValue<bool>() == false)
        {
            Printer.Print(json ? check : check["differences"], json);
            throw new CliException($"period {check["period"]} differs from its frozen statements in {check["differences"]!.AsArray().Count} place(s)");
        }

        return check;
    }

    private static string UsagePath(Args a)
    {
        var query = new List<string>();
        if (a.Get("cursor") is { } c)
        {
            query.Add("cursor=" + Uri.EscapeDataString(c));
        }

        if (a.Get("limit") is { } l)
        {
            query.Add("limit=" + Uri.EscapeDataString(l));
        }

        var q = query.Count == 0 ? "" : "?" + string.Join('&', query);
        return a.Get("license") is { } lic ? $"v1/licenses/{Uri.EscapeDataString(lic)}/usage{q}"
            : a.Get("performer") is { } p ? $"v1/performers/{Uri.EscapeDataString(p)}/usage{q}"
            : throw new CliException("usage needs --license ID or --performer ID");
    }

    private static string ReadFile(Args a)
    {
        var path = a.Require("file");
        try
        {
            return path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }
}

/// <summary>Where the operator key of a SQLite store is kept beside it (created 0600: readable by its owner only). A PostgreSQL store has no such file.</summary>
public static class KeyFile
{
    public static string PathFor(string db) => Path.GetFullPath(db) + ".operator-key";

    /// <summary>Writes the key beside a SQLite file; false (nothing written) for a PostgreSQL connection string.</summary>
    public static bool Write(string db, string key)
    {
        if (StoreFactory.IsPostgres(db))
        {
            return false;
        }

        PrivateFile.Write(PathFor(db), key + "\n");
        return true;
    }
}
