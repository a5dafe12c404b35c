using System.CommandLine;
using System.Data.Common;
using System.Text.Json.Nodes;
using Likeness.Application;
using Likeness.Cli.Output;
using Likeness.Server;
using Microsoft.Extensions.Hosting;

namespace Likeness.Cli.Verbs;

/// <summary><c>init</c> (the store, the operator key, the ledger signing key) and <c>serve</c> (hosts Likeness.Server).</summary>
public static class StoreVerbs
{
    private static Option<string> SigningKey() =>
        Opt.Text("--signing-key", "The ledger signing key file [env: LIKENESS_SIGNING_KEY; default FILE.signing-key.pem beside a SQLite store; for PostgreSQL ~/.config/likeness/signing-keys/<store>.pem]", "PEM");

    public static Command Init()
    {
        var signingKey = SigningKey();
        return Opt.Verb("init", "Create the store, the operator key (shown once) and the ledger signing key; again: nothing changes", signingKey)
            .Does(async (p, _) =>
            {
                var db = Globals.RequireDb(p);
                var keys = StoreFactory.SigningKeys(db, SigningKeyPath(p, signingKey));
                await using var store = StoreFactory.Open(db);
                using var core = await LikenessCore.OpenAsync(store, keys, TimeProvider.System, new LikenessOptions());
                var key = await core.Parties.InitializeAsync();
                var keyFile = key is not null && KeyFile.Write(db, key);

                if (p.GetValue(Globals.Json))
                {
                    Answer.PrintJson(new JsonObject
                    {
                        ["initialized"] = key is not null,
                        ["operatorKey"] = key,
                        ["keyFile"] = keyFile ? KeyFile.PathFor(db) : null,
                        ["db"] = db,
                        ["ledgerKeyId"] = core.Keys.Current.KeyId,
                        ["signingKeyFile"] = keys.Location,
                    });
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

                return ExitCodes.Ok;
            });
    }

    public static Command Serve()
    {
        var signingKey = SigningKey();
        var settings = new ServeSettings();
        return Opt.Verb("serve", "Serve the API on --urls; initialises an empty store itself", [signingKey, .. settings.All])
            .Does(async (p, _) =>
            {
                var db = Globals.RequireDb(p);
                var serverSettings = settings.From(p, db) with { SigningKey = SigningKeyPath(p, signingKey) };
                AddressProbe.EnsureFree(serverSettings.Urls);
                var server = await OpenAsync(serverSettings);
                var keyFile = server.NewOperatorKey is { } key && KeyFile.Write(db, key);
                if (p.GetValue(settings.Demo) && server.NewOperatorKey is null)
                {
                    throw new CliException("--demo seeds a fresh store only; this store already has data (use a new --db file)");
                }

                // Listening first: the demo is seeded only once the address is bound.
                await server.App.StartAsync();
                var demo = p.GetValue(settings.Demo) ? await DemoSeeder.SeedAsync(server.Core, server.NewOperatorKey!) : null;
                var address = server.App.Urls.FirstOrDefault() ?? p.GetValue(settings.Urls)!;
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
                return ExitCodes.Ok;
            });
    }

    /// <summary>Opens the store and builds the server; a store that cannot be opened is one line.</summary>
    private static async Task<BuiltServer> OpenAsync(ServerSettings settings)
    {
        try
        {
            return await LikenessServer.BuildAsync(settings);
        }
        catch (DbException e)
        {
            throw new CliException($"cannot open the store {(StoreFactory.IsPostgres(settings.Db) ? "(PostgreSQL)" : settings.Db)}: {e.Message}");
        }
    }

    /// <summary>--signing-key, else LIKENESS_SIGNING_KEY; null: beside a SQLite store.</summary>
    private static string? SigningKeyPath(ParseResult p, Option<string> signingKey) =>
        p.GetValue(signingKey) ?? Environment.GetEnvironmentVariable("LIKENESS_SIGNING_KEY");

    private static string SigningKeyLine(LikenessCore core) =>
        $"Ledger signing key {core.Keys.Current.KeyId}: {core.Keys.Location} (owner-only; never in the database; back it up apart from it)";
}
