namespace IkiBot.Knowledge.Reporting;

/// <summary>A number in the message that may be the reported value.</summary>
/// <param name="Value">Its value; null when it is a fraction.</param>
/// <param name="Text">As typed ("1.250", "dua puluh satu", "-4").</param>
internal sealed record NumberMention(long? Value, string Text, NumberProblem Problem = NumberProblem.None);

/// <summary>Malformed: number words that make no one number ("dua puluh dua puluh"); Huge: more digits than any count has.</summary>
internal enum NumberProblem { None, Negative, Fraction, Percent, Malformed, Huge }

/// <summary>DayOfMonth: "tgl 25" alone, the latest day 25 that has come (last month's when this month's is still ahead).</summary>
internal enum PeriodKind { Month, MonthsFromNow, DaysFromNow, DayOfMonth, Quarter, Unsupported }

/// <summary>A period named in the message, not yet resolved against the clock.</summary>
/// <param name="Number">Month 1..12, quarter 1..4, or the offset in months/days.</param>
/// <param name="Year">The year when it was written.</param>
internal sealed record PeriodMention(PeriodKind Kind, int Number, int? Year, string Text);

/// <summary>What <see cref="ReportTextReader"/> found in a report message.</summary>
internal sealed class ReportText
{
    public List<NumberMention> Values { get; } = [];

    /// <summary>Numbers just before a month name ("27 okt"): a day, unless nothing else can be the value.</summary>
    public List<NumberMention> DaysOrValues { get; } = [];

    public List<PeriodMention> Periods { get; } = [];

    /// <summary>Numbers read as something else, for the user: "\"tw 2\" = triwulan", "\"2024\" = tahun".</summary>
    public List<string> NotValues { get; } = [];
    public List<int> Years { get; } = [];

    /// <summary>"3 bulan lalu": a count for last month or a period three months back; set when written so.</summary>
    public string? AmbiguousMonthsAgo { get; set; }

    /// <summary>The words that say what was done (numbers, period words and units taken out), in order.</summary>
    public List<string> Content { get; } = [];

    /// <summary>Unit words right after the value ("org", "dok", "prsh"): weak evidence for the row.</summary>
    public List<string> Units { get; } = [];
}
