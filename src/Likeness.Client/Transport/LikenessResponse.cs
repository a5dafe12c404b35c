namespace Likeness.Client.Transport;

/// <summary>An answer as it came: its status, body bytes and media type.</summary>
public sealed class LikenessResponse(int status, byte[] body, string? mediaType)
{
    public int Status { get; } = status;

#pragma warning disable CA1819 // The exact bytes are the point (a checkpoint is verified byte for byte).
    public byte[] Body { get; } = body;
#pragma warning restore CA1819

    public string? MediaType { get; } = mediaType;

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>This answer if it is 2xx; otherwise the typed <see cref="LikenessProblemException"/> for its problem.</summary>
    public LikenessResponse EnsureSuccess() => IsSuccess ? this : throw LikenessProblemException.From(Status, Body);
}
