using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Likeness.Application.Common;

/// <summary>The one JSON configuration: camelCase, strict (unknown members, missing required members and nulls where none belong are errors).</summary>
public static class Json
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>For reading back what this program wrote itself (absent nulls are fine there).</summary>
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            AllowDuplicateProperties = false,
            MaxDepth = 32,
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Serializes straight to UTF-8 (what goes on the wire), without a string in between.</summary>
    public static byte[] SerializeToUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Deserializes a client's body; a failure becomes a 400 naming the JSON path.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw AppProblem.BadRequest("malformed_json", "A JSON body is required.", "$");
        }

        Contracts.JsonTextRules.Check(utf8);
        try
        {
            return JsonSerializer.Deserialize<T>(utf8, Options) ?? throw AppProblem.BadRequest("malformed_json", "The body must be a JSON object, not null.", "$");
        }
        catch (JsonException e)
        {
            throw AppProblem.BadRequest("malformed_json", JsonMessages.Describe(e), e.Path ?? "$");
        }
    }

    public static T DeserializeStored<T>(string json) => JsonSerializer.Deserialize<T>(json, Stored)!;
}
