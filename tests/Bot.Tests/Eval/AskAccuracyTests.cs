using IkiBot.Bot.Cli;
using IkiBot.Knowledge;
using Xunit.Abstractions;

namespace IkiBot.Bot.Tests.Eval;

public class AskAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Dev_questions_score_at_least_90_percent_on_intent_and_top1_jabatan()
    {
        using var knowledge = IkiKnowledge.LoadBundled();
        var cases = DevSet.Cases("ask").ToList();
        int intentRight = 0, jabatanRight = 0;
        foreach (var c in cases)
        {
            var text = c.GetProperty("text").GetString()!;
            var expectedIntent = c.GetProperty("intent").GetString();
            var expected = c.GetProperty("jabatan").EnumerateArray().Select(j => j.GetString()).ToList();
            var got = AskCommand.Run(knowledge, text); // the same code the CLI runs
            var intentOk = got.Intent == expectedIntent;
            var jabatanOk = expected.Count == 0 ? got.Jabatan.Count == 0 : got.Jabatan.FirstOrDefault() == expected[0];
            if (intentOk) intentRight++;
            if (jabatanOk) jabatanRight++;
            if (!intentOk || !jabatanOk)
                output.WriteLine($"MISS {text} -> {got.Intent} [{string.Join(", ", got.Jabatan)}], expected {expectedIntent} [{string.Join(", ", expected)}]");
        }
        double intent = (double)intentRight / cases.Count, top1 = (double)jabatanRight / cases.Count;
        output.WriteLine($"ask cases: {cases.Count}; intent {intent:P1}; top-1 jabatan {top1:P1}");
        Assert.True(cases.Count >= 50, "dev set not found or too small");
        Assert.True(intent >= 0.90, $"intent accuracy {intent:P1}");
        Assert.True(top1 >= 0.90, $"top-1 jabatan accuracy {top1:P1}");
    }
}
