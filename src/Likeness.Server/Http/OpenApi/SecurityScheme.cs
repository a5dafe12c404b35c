using Microsoft.OpenApi;

namespace Likeness.Server.Http.OpenApi;

/// <summary>The API key, sent as <c>Authorization: Bearer &lt;api key&gt;</c>, as the document's one security scheme.</summary>
public static class SecurityScheme
{
    public const string Id = "bearer";

    public static OpenApiSecurityScheme Create() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "API key",
        Description = "Send 'Authorization: Bearer <api key>'. The operator creates parties and their keys.",
    };
}
