namespace Likeness.Voice;

/// <summary>One take to render: under which licence, what to say, in which language and for what, and where to write it.</summary>
public sealed record VoiceJob(
    string LicenseId, string ScriptFile, string Language, string OutputFile, string Purpose, string Territory,
    IReadOnlyList<string> ContentCategories, decimal? RequestedSeconds, string? Deliverable, string? AssetId);
