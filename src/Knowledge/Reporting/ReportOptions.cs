namespace IkiBot.Knowledge.Reporting;

/// <summary>Limits a report must respect.</summary>
public sealed record ReportOptions
{
    /// <summary>The largest realisation count accepted in one message; anything above is taken for a typo.</summary>
    public int MaxValue { get; init; } = 10_000;

    /// <summary>
    /// How many months back a period stays open: with 3 in November, August is still open and July is closed.
    /// </summary>
    public int ClosedAfterMonths { get; init; } = 3;
}
