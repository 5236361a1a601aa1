using System.Collections.Concurrent;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Supervision;

/// <summary>
/// A one-line report for each countable indicator ("pencaker yang dilayani 25"), checked against the report
/// interpreter itself: only a phrasing it reads as exactly that row is offered. A row with no such phrasing gets
/// "/koreksi &lt;no&gt; 25" (which sets the month's total, the same as a first report).
/// </summary>
public sealed class ReportExamples(IkiKnowledge knowledge, ReportInterpreter interpreter)
{
    public const int ExampleValue = 25;
    private readonly ConcurrentDictionary<string, string> _cache = new();

    public string For(Jabatan jabatan, Indikator row) =>
        _cache.GetOrAdd($"{knowledge.Version}#{row.KeyFor(jabatan.Nama)}", _ => Build(jabatan, row)); // an edit makes a new version

    public string For(string jabatan, int no)
    {
        var j = knowledge.Kb.Find(jabatan) ?? throw new ArgumentException($"Unknown jabatan {jabatan}", nameof(jabatan));
        return For(j, j.Indikator.First(r => r.No == no));
    }

    private string Build(Jabatan jabatan, Indikator row)
    {
        // The month does not matter for reading the row; a fixed mid-year moment keeps the check independent of the clock.
        var moment = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.FromHours(7));
        foreach (var attempt in Attempts(row))
        {
            var text = $"{attempt} {ExampleValue}";
            var decision = interpreter.Interpret(jabatan.Nama, text, moment);
            // A row with countable rincian needs an example that names one of them, or the reader would ask back.
            if (decision is { Status: ReportStatus.Ok, Row: { } r, Value: ExampleValue } && r.No == row.No && RincianItems.Pick(row, text).Ask.Count == 0) return text;
        }
        return $"/koreksi {row.No} {ExampleValue}";
    }

    private static readonly HashSet<string> Dangling = ["yang", "dan", "di", "ke", "dari", "untuk", "pada", "bagi", "serta", "atau", "dengan", "dalam"];

    private static IEnumerable<string> Attempts(Indikator row)
    {
        foreach (var item in RincianItems.Of(row))
        {
            yield return string.Join(' ', item.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(w => w.ToLowerInvariant()));
        }
        var uraian = RekapBuilder.Clean(row.Uraian);
        if (uraian.StartsWith("jumlah ", StringComparison.OrdinalIgnoreCase)) uraian = uraian[7..];
        uraian = uraian.ToLowerInvariant();
        var program = RekapBuilder.Clean(row.Program).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var words = uraian.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The indicator's own words read best; a shorter form only when they are long, a program's words only when needed.
        if (uraian.Length <= 50) yield return uraian;
        for (var n = 3; n < Math.Min(words.Length, 6); n++)
            if (!Dangling.Contains(words[n - 1]) && !words[n - 1].EndsWith(',')) yield return string.Join(' ', words.Take(n).Select(w => w.TrimEnd(',', ';')));
        if (uraian.Length > 50) yield return uraian;
        for (var n = 2; n <= Math.Min(6, program.Count); n++) yield return $"{uraian} untuk {string.Join(' ', program.Skip(1).Take(n))}";
    }
}
