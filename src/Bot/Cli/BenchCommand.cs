using System.Diagnostics;
using System.Text.Json;
using IkiBot.Knowledge;

namespace IkiBot.Bot.Cli;

/// <summary>`bench`: cold start, index build and per-question latency over the dev questions.</summary>
public static class BenchCommand
{
    public static int Execute(string questionsPath, int repeat, bool json, TextWriter output)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var build = Stopwatch.StartNew();
        using var knowledge = IkiKnowledge.LoadBundled();
        build.Stop();
        var questions = ReadQuestions(questionsPath);
        if (questions.Count == 0) throw new UsageException($"Tidak ada pertanyaan di {questionsPath}");
        knowledge.Ask(questions[0]);
        var coldStart = DateTime.UtcNow - processStart;
        foreach (var q in questions) knowledge.Ask(q); // warm: every code path jitted once before measuring

        var samples = new List<double>(questions.Count * repeat);
        for (var r = 0; r < repeat; r++)
            foreach (var q in questions)
            {
                var t = Stopwatch.GetTimestamp();
                knowledge.Ask(q);
                samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        samples.Sort();
        var result = new
        {
            questions = questions.Count,
            repeat,
            coldStartMs = Math.Round(coldStart.TotalMilliseconds, 1),
            indexBuildMs = Math.Round(build.Elapsed.TotalMilliseconds, 1),
            askP50Ms = Math.Round(Percentile(samples, 0.50), 3),
            askP99Ms = Math.Round(Percentile(samples, 0.99), 3),
        };
        output.WriteLine(json ? Json.Write(result)
            : $"cold start {result.coldStartMs} ms; index build {result.indexBuildMs} ms; ask p50 {result.askP50Ms} ms, p99 {result.askP99Ms} ms ({samples.Count} questions)");
        return 0;
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static List<string> ReadQuestions(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"Berkas pertanyaan tidak ditemukan: {path}");
        return File.ReadLines(path)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("kind", out var k) && k.GetString() == "ask")
            .Select(e => e.GetProperty("text").GetString()!)
            .ToList();
    }
}
