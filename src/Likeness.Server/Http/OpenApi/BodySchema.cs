namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// On a raw-body route: the document's schema its JSON body follows (<paramref name="SchemaId"/>), and what its
/// other media types hold.
/// </summary>
public sealed record BodySchema(string SchemaId, string OtherwiseDescription);
