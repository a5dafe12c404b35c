using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Likeness.Web;

/// <summary>
/// The app's stylesheet and scripts, embedded in this assembly and served at <c>/assets/{name}</c>: nothing comes from
/// another origin and there is no build step. Read once at start; cached by browsers for an hour.
/// </summary>
public static class WebAssets
{
    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Files = Load();

    /// <summary>The names served (<c>site.css</c>, <c>local-time.js</c>, …).</summary>
    public static IEnumerable<string> Names => Files.Keys;

    internal static RouteHandlerBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(file.Bytes, file.Type);
        });

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var name = resource["assets/".Length..];
            files[name] = (copy.ToArray(), Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            });
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
