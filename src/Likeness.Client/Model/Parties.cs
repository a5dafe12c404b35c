namespace Likeness.Client;

#pragma warning disable CA1819 // Wire records carry arrays as the API's JSON does.

/// <summary>A party: performer, representative, estate, studio, union, auditor or the operator. <see cref="ApiKey"/> is present once, when it is created.</summary>
public sealed record Party(string Id, string Kind, string Name, string[] Represents, DateTimeOffset CreatedAt, DateOnly? DiedOn, string? ApiKey = null, bool? ApiKeyShownOnce = null);

/// <summary><c>POST /v1/parties</c>: a party to create (operator only).</summary>
public sealed record CreateParty(string Kind, string Name, string[]? Represents = null);

/// <summary>Who the caller is: its party, the performers it represents, and what it may do.</summary>
public sealed record Me(string Id, string Kind, string Name, string[] Represents, DateOnly? DiedOn, string[] Capabilities);

/// <summary>One training-data item of an asset.</summary>
public sealed record AssetProvenance(string Source, string Licence, string? Sha256 = null);

/// <summary>
/// A voice asset's synthesis parameters, the reference worker's stand-in for a voice model: an espeak-ng voice
/// (<c>fr</c>, <c>en-us</c>), pitch 0–99, speed in words per minute and a variant (<c>f3</c>, <c>m1</c>).
/// </summary>
public sealed record VoiceModel(string Voice, int? Pitch = null, int? Speed = null, string? Variant = null, string Engine = "espeak-ng");

/// <summary><c>POST /v1/performers/{id}/assets</c>: a component of a performer's digital twin.</summary>
public sealed record CreateAsset(string Name, string Modality, string Tier, string? Sha256 = null, long? SizeBytes = null, AssetProvenance[]? Provenance = null, VoiceModel? VoiceModel = null);

/// <summary>A registered asset.</summary>
public sealed record Asset(string Id, string PerformerId, string Name, string Modality, string Tier, string? Sha256, long? SizeBytes, AssetProvenance[] Provenance, DateTimeOffset CreatedAt, VoiceModel? VoiceModel = null);

/// <summary><c>POST /v1/performers/{id}/death</c>.</summary>
public sealed record RecordDeath(DateOnly DiedOn);

/// <summary>One page of a list; pass <see cref="NextCursor"/> back for the next page (null on the last).</summary>
public sealed record Page<T>(T[] Items, string? NextCursor);
