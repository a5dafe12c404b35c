using System.Text.Json;
using System.Text.Json.Nodes;
using Likeness.Application.Common;
using Microsoft.AspNetCore.Http;

namespace Likeness.Server.Http;

/// <summary>Writes RFC 9457 problem details with a stable <c>type</c> and <c>code</c>; never a stack trace.</summary>
public static class ProblemWriter
{
    public const string TypeBase = "https://likeness.dev/problems/";

    public static IResult From(AppProblem p, string instance) => From(p.ToProblem(), instance);

    public static IResult From(Problem p, string instance)
    {
        var body = new JsonObject
        {
            ["type"] = TypeBase + p.Code.Replace('_', '-'),
            ["title"] = Title(p.Status),
            ["status"] = p.Status,
            ["detail"] = p.Message,
            ["instance"] = instance.Length <= 256 ? instance : instance[..256] + "…",
            ["code"] = p.Code,
        };
        if (p.Field is not null)
        {
            body["field"] = p.Field;
        }

        foreach (var (k, v) in p.Extensions ?? new Dictionary<string, object?>())
        {
            body[k] = JsonSerializer.SerializeToNode(v, Json.Options);
        }

        return Results.Text(body.ToJsonString(), "application/problem+json", System.Text.Encoding.UTF8, p.Status);
    }

    public static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        409 => "Conflict",
        413 => "Payload too large",
        414 => "URI too long",
        415 => "Unsupported media type",
        429 => "Too many requests",
        431 => "Request header fields too large",
        _ => status >= 500 ? "Server error" : "Request failed",
    };
}
