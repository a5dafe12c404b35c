using Microsoft.AspNetCore.Builder;

namespace Likeness.Server.Http.OpenApi;

/// <summary>
/// The mark of a route whose command is an act on a performer's behalf (or on a party's own keys), which reads a
/// <c>Likeness-Signature</c> header: the OpenAPI document describes the header on each (docs/SECURITY.md, "Signed acts").
/// </summary>
public sealed record SignedActRoute;

/// <summary>Marks a route as a signed act next to the line that maps it.</summary>
public static class SignedActRouteExtensions
{
    public static RouteHandlerBuilder SignedAct(this RouteHandlerBuilder route) => route.WithMetadata(new SignedActRoute());
}
