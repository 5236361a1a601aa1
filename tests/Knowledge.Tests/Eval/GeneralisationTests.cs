using IkiBot.Eval;
using IkiBot.Knowledge.Reporting;
using IkiBot.Knowledge.Understanding;
using Xunit.Abstractions;

namespace IkiBot.Knowledge.Tests.Eval;

/// <summary>
/// The generalisation figures: dev set, generated (seen / held-out) and hand-written cases, through the same code the
/// bot runs. Prints one line per part; misses are printed for the seen, dev and hand parts only (the held-out part is
/// never looked at case by case). Run: dotnet test tests/Knowledge.Tests --filter Category=Eval --logger "console;verbosity=detailed"
/// </summary>
[Trait("Category", "Eval")]
public sealed class GeneralisationTests(ITestOutputHelper output, GeneralisationTests.Fixture _f) : IClassFixture<GeneralisationTests.Fixture>
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(7));

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Knowledge = IkiKnowledge.LoadBundled();
            Reports = new ReportInterpreter(Knowledge);
            var (gq, gr) = CaseGenerator.Generate(Knowledge.Kb);
            var (dq, dr) = EvalFile.Read("dev.jsonl", EvalPart.Dev);
            var (hq, hr) = EvalFile.Read("hand.jsonl", EvalPart.Hand);
            Questions = [.. dq, .. gq, .. hq];
            ReportCases = [.. dr, .. gr, .. hr];
        }

        public IkiKnowledge Knowledge { get; }
        public ReportInterpreter Reports { get; }
        public List<AskCase> Questions { get; }
        public List<ReportCase> ReportCases { get; }
        public void Dispose() => Knowledge.Dispose();
    }

    public sealed record AskFigures(int Cases, double Intent, double Top1);
    public sealed record ReportFigures(int Cases, double Right, double StoredWrong, double SingleConfirm);

    private AskFigures Ask(EvalPart part, bool showMisses)
    {
        var cases = _f.Questions.Where(c => c.Part == part).ToList();
        int intent = 0, top1 = 0;
        foreach (var c in cases)
        {
            var (interpretation, _) = _f.Knowledge.Ask(c.Text);
            var gotIntent = interpretation.Intent.Code();
            var got = interpretation.Intent == Intent.Daftar ? [] : interpretation.Jabatan.Select(j => j.Nama).ToList();
            var intentOk = gotIntent == c.Intent;
            var jabatanOk = c.Jabatan.Count == 0 ? got.Count == 0 : got.Count > 0 && c.Jabatan.Contains(got[0]);
            if (intentOk) intent++;
            if (jabatanOk) top1++;
            if (showMisses && (!intentOk || !jabatanOk))
                output.WriteLine($"MISS ask {c.Id} \"{c.Text}\" -> {gotIntent} [{string.Join(", ", got.Take(3))}]{(interpretation.NeedsChoice ? " (choice)" : "")}; expected {c.Intent} [{string.Join(", ", c.Jabatan)}]");
        }
        return new AskFigures(cases.Count, Share(intent, cases.Count), Share(top1, cases.Count));
    }

    private ReportFigures Report(EvalPart part, bool showMisses)
    {
        var cases = _f.ReportCases.Where(c => c.Part == part).ToList();
        int right = 0, storedWrong = 0, single = 0;
        foreach (var c in cases)
        {
            var d = _f.Reports.Interpret(c.As, c.Text, Now);
            var ok = c.Expect switch
            {
                "ok" => d.Status == ReportStatus.Ok && d.Row!.No == c.Rows[0] && d.Value == c.Value,
                "clarify" => d.Status == ReportStatus.Clarify && d.Candidates.Select(r => r.No).Order().SequenceEqual(c.Rows.Order()),
                "reject" => d.Status == ReportStatus.Reject,
                _ => d.Status != ReportStatus.Ok,
            };
            var wrongStore = d.Status == ReportStatus.Ok && !(c.Expect == "ok" && d.Row!.No == c.Rows[0] && d.Value == c.Value);
            if (ok) right++;
            if (wrongStore) storedWrong++;
            if (d.Status == ReportStatus.Clarify && d.Candidates.Count == 1) single++;
            if (showMisses && !ok)
                output.WriteLine($"MISS report {c.Id} [{c.As}] \"{c.Text}\" -> {d.Status} [{string.Join(",", d.Candidates.Select(r => r.No))}] {d.Value}{(wrongStore ? " STORED-WRONG" : "")}; expected {c.Expect} [{string.Join(",", c.Rows)}] {c.Value} | {d.Message.Split('\n')[0]}");
        }
        return new ReportFigures(cases.Count, Share(right, cases.Count), Share(storedWrong, cases.Count), Share(single, cases.Count));
    }

    private static double Share(int k, int n) => n == 0 ? 0 : (double)k / n;

    [Fact]
    public void Generated_set_is_large_enough_and_fixed()
    {
        var again = CaseGenerator.Generate(_f.Knowledge.Kb);
        var generatedQuestions = _f.Questions.Where(c => c.Part is EvalPart.Seen or EvalPart.HeldOut).ToList();
        var generatedReports = _f.ReportCases.Where(c => c.Part is EvalPart.Seen or EvalPart.HeldOut).ToList();
        Assert.True(generatedQuestions.Count >= 2000, $"{generatedQuestions.Count} questions");
        Assert.True(generatedReports.Count >= 1000, $"{generatedReports.Count} reports");
        Assert.Equal(generatedQuestions.Select(c => c.Text), again.Questions.Select(c => c.Text));
        Assert.Contains(generatedQuestions, c => c.Part == EvalPart.HeldOut);
        Assert.True(_f.Questions.Count(c => c.Part == EvalPart.Hand) + _f.ReportCases.Count(c => c.Part == EvalPart.Hand) >= 150);
        // every jabatan is asked about in both parts' union
        Assert.All(_f.Knowledge.Kb.Jabatan, j => Assert.Contains(generatedQuestions, c => c.Jabatan.Contains(j.Nama)));
    }

    [Fact]
    public void Figures_per_part()
    {
        var lines = new List<string>();
        foreach (var part in new[] { EvalPart.Dev, EvalPart.Seen, EvalPart.HeldOut, EvalPart.Hand })
        {
            var show = part != EvalPart.HeldOut && Environment.GetEnvironmentVariable("EVAL_MISSES") == "1";
            var a = Ask(part, show);
            var r = Report(part, show);
            lines.Add($"{part,-8} ask n={a.Cases} intent={a.Intent:P1} top1={a.Top1:P1} | report n={r.Cases} right={r.Right:P1} stored-wrong={r.StoredWrong:P2} one-candidate-confirm={r.SingleConfirm:P1}");
        }
        foreach (var l in lines) output.WriteLine(l);
        Assert.Equal(4, lines.Count);
    }
}
