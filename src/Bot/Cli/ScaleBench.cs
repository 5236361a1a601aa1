using System.Diagnostics;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Organisation;
using IkiBot.Knowledge.Parsing;
using IkiBot.Knowledge.Search;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Bot.Cli;

/// <summary>
/// `bench --scale N` (issue 13): the bundled document copied N times (<see cref="ScaledDocument"/>), read from its
/// text like a real file; cold start (read + index + questions + tree + first answer, each timed), the "daftar
/// jabatan" answer and ask latency over the dev questions.
/// </summary>
public static class ScaleBench
{
    public const string DaftarQuestion = "daftar jabatan";

    public static int Execute(int scale, IReadOnlyList<string> questions, int repeat, bool json, TextWriter output)
    {
        if (scale < 1 || scale > 1000) throw new UsageException("--scale harus 1 sampai 1000.");
        var text = ScaledDocument.Text(BundledDocument.Load(), scale);

        var cold = Stopwatch.StartNew();
        var kb = new IkiDocumentParser().Parse(text);
        var parseMs = Lap(cold);
        using var index = new KnowledgeIndex(kb);
        var indexMs = Lap(cold);
        var interpreter = new QuestionInterpreter(index);
        var questionsMs = Lap(cold);
        var struktur = new StrukturOrganisasi(kb);
        var treeMs = Lap(cold);
        var answers = new AnswerWriter(kb, struktur);
        answers.Daftar(); // as IkiKnowledge's warm-up: the list is written once, before the first question
        var listMs = Lap(cold);
        Answer Ask(string q) => answers.Write(interpreter.Interpret(q));
        Ask(questions[0]);
        var firstAnswerMs = Lap(cold);
        var coldStartMs = parseMs + indexMs + questionsMs + treeMs + listMs + firstAnswerMs;

        var daftar = new List<double>();
        for (var i = 0; i < 21; i++) daftar.Add(Timed(() => Ask(DaftarQuestion)));
        var daftarFirstMs = daftar[0];
        daftar.Sort();

        foreach (var q in questions) Ask(q); // warm
        var samples = new List<double>(questions.Count * repeat);
        for (var r = 0; r < repeat; r++)
            foreach (var q in questions) samples.Add(Timed(() => Ask(q)));
        samples.Sort();

        var result = new
        {
            scale,
            jabatan = kb.Jabatan.Count,
            rows = kb.Jabatan.Sum(j => j.Indikator.Count),
            coldStartMs = Round(coldStartMs),
            parseMs = Round(parseMs),
            indexBuildMs = Round(indexMs),
            questionsMs = Round(questionsMs),
            treeMs = Round(treeMs),
            listMs = Round(listMs),
            firstAnswerMs = Round(firstAnswerMs),
            daftarFirstMs = Round(daftarFirstMs),
            daftarP50Ms = Round(BenchCommand.Percentile(daftar, 0.5)),
            daftarMaxMs = Round(daftar[^1]),
            questions = questions.Count,
            repeat,
            askP50Ms = Round(BenchCommand.Percentile(samples, 0.50)),
            askP99Ms = Round(BenchCommand.Percentile(samples, 0.99)),
            askMaxMs = Round(samples[^1]),
        };
        output.WriteLine(json ? Json.Write(result)
            : $"scale {scale}: {result.jabatan} jabatan, {result.rows} rows; cold start {result.coldStartMs} ms (read {result.parseMs}, index {result.indexBuildMs}, " +
              $"questions {result.questionsMs}, tree {result.treeMs}, list {result.listMs}, first answer {result.firstAnswerMs}); \"{DaftarQuestion}\" first {result.daftarFirstMs} ms, " +
              $"p50 {result.daftarP50Ms} ms, max {result.daftarMaxMs} ms; ask p50 {result.askP50Ms} ms, p99 {result.askP99Ms} ms, max {result.askMaxMs} ms ({samples.Count} questions)");
        return 0;
    }

    private static double Lap(Stopwatch watch)
    {
        var ms = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        return ms;
    }

    private static double Timed(Action action)
    {
        var t = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}
