using System.Text.Json;

namespace IkiBot.Eval;

/// <summary>Reads a JSON Lines case file in the format of dev.jsonl (kind ask / report).</summary>
public static class EvalFile
{
    public static string PathOf(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "eval", file))) dir = dir.Parent;
        return dir is null ? throw new FileNotFoundException(file) : Path.Combine(dir.FullName, "tests", "eval", file);
    }

    public static (List<AskCase> Questions, List<ReportCase> Reports) Read(string file, EvalPart part)
    {
        var questions = new List<AskCase>();
        var reports = new List<ReportCase>();
        foreach (var line in File.ReadLines(PathOf(file)))
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//")) continue;
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            var id = e.GetProperty("id").GetString()!;
            var text = e.GetProperty("text").GetString()!;
            if (e.GetProperty("kind").GetString() == "ask")
                questions.Add(new AskCase(id, part, text, e.GetProperty("intent").GetString()!,
                    e.GetProperty("jabatan").EnumerateArray().Select(j => j.GetString()!).ToList()));
            else
                reports.Add(new ReportCase(id, part, e.GetProperty("as").GetString()!, text, e.GetProperty("expect").GetString()!,
                    e.TryGetProperty("rows", out var rows) ? rows.EnumerateArray().Select(r => r.GetInt32()).ToList() : [],
                    e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null));
        }
        return (questions, reports);
    }
}
