using IkiBot.Bot.Cli;
using IkiBot.Bot.Tests.Reporting;
using Xunit.Abstractions;

namespace IkiBot.Bot.Tests.Eval;

public class ReportAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dev_reports_are_at_least_90_percent_right_and_nothing_is_stored_when_it_should_not_be()
    {
        using var bot = new TestBot();
        var cases = DevSet.Cases("report").ToList();
        int right = 0, storedWrongly = 0;
        foreach (var c in cases)
        {
            var before = await bot.StoredCount();
            var expect = c.GetProperty("expect").GetString()!;
            var rows = c.GetProperty("rows").EnumerateArray().Select(r => r.GetInt32()).ToList();
            var got = await ReportCommand.RunAsync(bot.Services, c.GetProperty("as").GetString()!, c.GetProperty("text").GetString()!, dryRun: false);
            var stored = await bot.StoredCount() - before;
            var ok = got.Status == expect && expect switch
            {
                "ok" => got.No == rows[0] && got.Value == c.GetProperty("value").GetInt32() && stored == 1,
                "clarify" => got.Candidates!.OrderBy(x => x).SequenceEqual(rows.OrderBy(x => x)) && stored == 0,
                _ => stored == 0,
            };
            if (expect != "ok" && stored > 0) storedWrongly++;
            if (ok) right++;
            else output.WriteLine($"MISS {c.GetProperty("id").GetString()} {c.GetProperty("text").GetString()} -> {got.Status} {got.No} {got.Value} [{string.Join(",", got.Candidates ?? [])}]; expected {expect} [{string.Join(",", rows)}]");
        }
        var score = (double)right / cases.Count;
        output.WriteLine($"report cases: {cases.Count}; right {right} ({score:P1}); stored on a clarify/reject case: {storedWrongly}");
        Assert.True(cases.Count >= 30);
        Assert.Equal(0, storedWrongly);
        Assert.True(score >= 0.90, $"report accuracy {score:P1}");
    }
}
