using System.Text;
using Likeness.Server.Secrets;

namespace Likeness.Cli;

/// <summary>
/// What the CLI remembers about one server between runs: the ledger checkpoint it last verified and the ledger key it
/// pinned on first use. Kept in the user's configuration folder, one folder per server
/// (<c>~/.config/likeness/servers/&lt;host_port&gt;/</c>, or under <c>$XDG_CONFIG_HOME</c>), not in the working
/// directory, so a verifier trusts the same checkpoint wherever it runs. Folders are created 0700 and files 0600.
/// </summary>
public sealed class ServerState
{
    private ServerState(string folder) => Folder = folder;

    /// <summary>This server's folder (created on the first write).</summary>
    public string Folder { get; }

    /// <summary>The checkpoint <c>ledger verify</c> last verified for this server.</summary>
    public string CheckpointPath => Path.Combine(Folder, "checkpoint");

    /// <summary>The ledger key pinned for this server (as <c>GET /v1/ledger/key</c> published it).</summary>
    public string LedgerKeyPath => Path.Combine(Folder, "ledger-key.json");

    /// <summary>
    /// The state of <paramref name="server"/> under <paramref name="stateDir"/>, else <c>LIKENESS_STATE_DIR</c>, else the
    /// user's configuration folder.
    /// </summary>
    public static ServerState For(string server, string? stateDir)
    {
        var root = stateDir ?? (Environment.GetEnvironmentVariable("LIKENESS_STATE_DIR") is { Length: > 0 } env ? env : DefaultRoot());
        return new ServerState(Path.Combine(root, FolderName(server)));
    }

    /// <summary><c>127.0.0.1_8080</c> for <c>http://127.0.0.1:8080</c>: the host and port, each character a file name may not hold replaced.</summary>
    public static string FolderName(string server)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new CliException($"--server: \"{server}\" is not a URL");
        }

        var name = new StringBuilder();
        foreach (var c in $"{uri.Host}_{uri.Port}")
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? char.ToLowerInvariant(c) : '_');
        }

        return name.ToString();
    }

    /// <summary>Writes one of this server's files, 0600 in a 0700 folder.</summary>
    public static void Write(string path, string content) => PrivateFile.Write(path, content);

    private static string DefaultRoot() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "likeness", "servers");
}
