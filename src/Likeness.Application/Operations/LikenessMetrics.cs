using System.Diagnostics.Metrics;

namespace Likeness.Application.Operations;

/// <summary>
/// The instruments of the <c>Likeness</c> meter that the use cases and the store record into (System.Diagnostics.Metrics;
/// the server exports them when metrics are on). With no listener an instrument is disabled and recording costs a
/// check; the tags are made once, so recording never allocates.
/// </summary>
public static class LikenessMetrics
{
    /// <summary>The meter's name, which an exporter subscribes to.</summary>
    public const string MeterName = "Likeness";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "likeness.render.decisions", "{decision}", "Answers of the render gateway (POST /v1/renders), by outcome: permit, pending or deny");

    private static readonly Histogram<int> WriterBatches = Meter.CreateHistogram(
        "likeness.writer.batch.size",
        "{command}",
        "Commands the store's writer committed together in one transaction (group commit)",
        tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    private static readonly KeyValuePair<string, object?> Permit = new("outcome", "permit");
    private static readonly KeyValuePair<string, object?> Pending = new("outcome", "pending");
    private static readonly KeyValuePair<string, object?> Deny = new("outcome", "deny");

    /// <summary>Counts a render request's answer by its status: 201 a permit, 202 pending approval, 403 a denial; other answers are not decisions.</summary>
    public static void RecordDecision(int status)
    {
        switch (status)
        {
            case 201:
                Decisions.Add(1, Permit);
                break;
            case 202:
                Decisions.Add(1, Pending);
                break;
            case 403:
                Decisions.Add(1, Deny);
                break;
        }
    }

    /// <summary>Records how many commands one write transaction carried.</summary>
    public static void RecordWriterBatch(int commands) => WriterBatches.Record(commands);
}
