namespace Likeness.Watermark;

/// <summary>A token found in audio: where (seconds from the start of what was given), how sure (the mean agreement of
/// the groups with the token's pattern, 0–1), and how strong its synchronisation was (a z-score over the pilot groups).</summary>
public sealed record WatermarkDetection(WatermarkToken Token, double StartSeconds, double EndSeconds, double Confidence, double SyncScore);

/// <summary>A stretch where the synchronisation pattern is clearly present but the payload fails its check: marked
/// audio damaged past repair. Never reported as a token.</summary>
public sealed record UndecodableSpan(double StartSeconds, double EndSeconds, double SyncScore);

/// <summary>What the detector found: every token with its ranges, and the marked stretches it could not read.</summary>
public sealed record WatermarkReport(IReadOnlyList<WatermarkDetection> Detections, IReadOnlyList<UndecodableSpan> Undecodable);
