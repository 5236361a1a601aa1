using System.Text.Json;
using IkiBot.Knowledge.Reporting;
using Xunit.Abstractions;

namespace IkiBot.Knowledge.Tests.Reporting;

/// <summary>All "report" cases of tests/eval/dev.jsonl, read at a fixed moment (2026-11-27 10:00 WIB).</summary>
[Collection(ReportCollection.Name)]
public sealed class DevSetReportTests(ReportFixture fixture, ITestOutputHelper output)
{
    private sealed record DevCase(string Id, string As, string Text, string Expect, int[] Rows, int? Value);

    private static List<DevCase> LoadCases()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "eval", "dev.jsonl"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var cases = new List<DevCase>();
        foreach (var line in File.ReadLines(Path.Combine(dir!.FullName, "tests", "eval", "dev.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("kind").GetString() != "report") continue;
            cases.Add(new DevCase(
                root.GetProperty("id").GetString()!,
                root.GetProperty("as").GetString()!,
                root.GetProperty("text").GetString()!,
                root.GetProperty("expect").GetString()!,
                root.TryGetProperty("rows", out var rows) ? rows.EnumerateArray().Select(r => r.GetInt32()).ToArray() : [],
                root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null));
        }
        return cases;
    }

    private static bool IsRight(DevCase c, ReportDecision d) => c.Expect switch
    {
        "ok" => d.Status == ReportStatus.Ok && d.Row!.No == c.Rows.Single() && d.Value == c.Value,
        "clarify" => d.Status == ReportStatus.Clarify && d.Candidates.Select(r => r.No).Order().SequenceEqual(c.Rows.Order()),
        "reject" => d.Status == ReportStatus.Reject,
        _ => throw new InvalidOperationException(c.Expect),
    };

    [Fact]
    public void Dev_reports_are_read_right_and_nothing_unsure_is_stored()
    {
        var cases = LoadCases();
        Assert.NotEmpty(cases);
        var right = 0;
        var wronglyStored = new List<string>();
        foreach (var c in cases)
        {
            var d = fixture.Read(c.As, c.Text);
            var ok = IsRight(c, d);
            if (ok) right++;
            if (c.Expect != "ok" && d.Status == ReportStatus.Ok) wronglyStored.Add(c.Id);
            var got = $"{d.Status} rows=[{string.Join(",", d.Candidates.Select(r => r.No))}] value={d.Value} periode={d.Periode.Code}";
            output.WriteLine($"{(ok ? "  " : "X ")}{c.Id} {c.Expect} [{string.Join(",", c.Rows)}] {c.Value} <- \"{c.Text}\" => {got}");
            if (!ok || d.Status == ReportStatus.Reject) output.WriteLine("     " + d.Message.Replace("\n", "\n     "));
        }
        var score = (double)right / cases.Count;
        output.WriteLine($"dev report score: {right}/{cases.Count} = {score:P1}; stored although expected clarify/reject: {wronglyStored.Count}");
        Assert.Empty(wronglyStored);
        Assert.True(score >= 0.90, $"dev report score {right}/{cases.Count}");
    }
}
