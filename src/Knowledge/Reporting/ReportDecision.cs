using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Reporting;

/// <summary>The reading of one report message.</summary>
/// <param name="Status">Ok: store <paramref name="Value"/> on <paramref name="Row"/>; Clarify: ask which of <paramref name="Candidates"/>; Reject: store nothing.</param>
/// <param name="Row">Ok: the one row; otherwise null.</param>
/// <param name="Candidates">Clarify: the rows to choose from, ordered by No; Ok: [Row]; Reject: [].</param>
/// <param name="Value">The value when one was read (also on some rejects, e.g. a negative or too large number, so it can be echoed).</param>
/// <param name="Periode">The month the report is for (the current Jakarta month unless the message names another).</param>
/// <param name="Message">
/// Indonesian text for the user. Reject: why, and what can be reported instead. Clarify: the question.
/// Ok: empty — except when the message named a quarter, where it says which month the quarter was booked on.
/// </param>
public sealed record ReportDecision(
    ReportStatus Status,
    Indikator? Row,
    IReadOnlyList<Indikator> Candidates,
    int? Value,
    Periode Periode,
    string Message);
