using System.Diagnostics;
using System.Text.Json;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>`bench`: cold start, index build and per-question latency over the dev questions.</summary>
public static class BenchCommand
{
    /// <summary>The dev set built into the program, so `bench` runs from any folder (a published `ikibot` too).</summary>
    public const string EmbeddedDevSet = "dev.jsonl";

    public static int Execute(string? questionsPath, int repeat, bool json, TextWriter output, int realisasiInMonth = 0, int? scale = null)
    {
        if (scale is not null)
        {
            var scaled = ReadQuestions(DevSetLines(questionsPath));
            if (scaled.Count == 0) throw new UsageException($"Tidak ada pertanyaan di {questionsPath ?? "dev set bawaan"}");
            return ScaleBench.Execute(scale.Value, scaled, repeat, json, output);
        }
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var build = Stopwatch.StartNew();
        using var knowledge = IkiKnowledge.LoadBundled();
        knowledge.Warm();
        build.Stop();
        var lines = DevSetLines(questionsPath);
        var questions = ReadQuestions(lines);
        if (questions.Count == 0) throw new UsageException($"Tidak ada pertanyaan di {questionsPath ?? "dev set bawaan"}");
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
        var (reportP50, reportP99, reportCount) = BenchReports(lines, realisasiInMonth);
        var kb = KnowledgeEditBench.Run();
        var result = new
        {
            questions = questions.Count,
            repeat,
            coldStartMs = Math.Round(coldStart.TotalMilliseconds, 1),
            indexBuildMs = Math.Round(build.Elapsed.TotalMilliseconds, 1),
            askP50Ms = Math.Round(Percentile(samples, 0.50), 3),
            askP99Ms = Math.Round(Percentile(samples, 0.99), 3),
            reports = reportCount,
            reportP50Ms = Math.Round(reportP50, 3),
            reportP99Ms = Math.Round(reportP99, 3),
            realisasiInMonth,
            kbImportMs = kb.ImportMs,
            kbSaveToAnswerP50Ms = kb.SaveToAnswerP50Ms,
            kbSaveToAnswerMaxMs = kb.SaveToAnswerMaxMs,
        };
        output.WriteLine(json ? Json.Write(result)
            : $"cold start {result.coldStartMs} ms; index build {result.indexBuildMs} ms; ask p50 {result.askP50Ms} ms, p99 {result.askP99Ms} ms ({samples.Count} questions); " +
              $"report (parse + store) p50 {result.reportP50Ms} ms, p99 {result.reportP99Ms} ms ({reportCount} reports, {realisasiInMonth} realizations already in the month); " +
              $"kb import {kb.ImportMs} ms; Simpan to new answer p50 {kb.SaveToAnswerP50Ms} ms, max {kb.SaveToAnswerMaxMs} ms ({kb.Edits} edits)");
        return 0;
    }

    /// <summary>
    /// The dev reports expected "ok", each parsed and stored (WAL SQLite in a temp folder) 20 times, after the load tool
    /// put <paramref name="realisasiInMonth"/> realizations into the same month.
    /// </summary>
    private static (double P50, double P99, int Count) BenchReports(IReadOnlyList<string> lines, int realisasiInMonth)
    {
        var cases = lines.Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("kind").GetString() == "report" && e.GetProperty("expect").GetString() == "ok")
            .Select(e => (As: e.GetProperty("as").GetString()!, Text: e.GetProperty("text").GetString()!))
            .ToList();
        var db = Path.Combine(Path.GetTempPath(), $"ikibot-bench-{Guid.NewGuid():N}.db");
        try
        {
            using var services = new Composition.BotServices(new Configuration.BotSettings { DatabasePath = db }, TimeProvider.System, quiet: true);
            if (realisasiInMonth > 0)
            {
                var now = services.Time.GetUtcNow();
                var options = new SeedCommand.SeedOptions(realisasiInMonth, 1_000, 25, JakartaTime.From(now).Year, 42, JakartaTime.From(now).Month);
                var plan = SeedPlan.Build(services.Knowledge, options, now);
                new IkiBot.Data.Seeding.SeedWriter(services.Database).Write(plan.Users, plan.Realisasi, now);
            }
            foreach (var c in cases) ReportCommand.RunAsync(services, c.As, c.Text, dryRun: false).GetAwaiter().GetResult();
            var samples = new List<double>();
            for (var r = 0; r < 20; r++)
                foreach (var c in cases)
                {
                    var t = Stopwatch.GetTimestamp();
                    ReportCommand.RunAsync(services, c.As, c.Text, dryRun: false).GetAwaiter().GetResult();
                    samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                }
            samples.Sort();
            return (Percentile(samples, 0.5), Percentile(samples, 0.99), samples.Count);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The lines of a JSON Lines dev set: the given file, or the embedded copy of tests/eval/dev.jsonl.</summary>
    public static IReadOnlyList<string> DevSetLines(string? path)
    {
        if (path is not null)
        {
            if (!File.Exists(path)) throw new UsageException($"Berkas pertanyaan tidak ditemukan: {path}");
            return File.ReadAllLines(path);
        }
        using var stream = typeof(BenchCommand).Assembly.GetManifestResourceStream(EmbeddedDevSet)
            ?? throw new InvalidOperationException("dev.jsonl is not embedded in the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    private static List<string> ReadQuestions(IReadOnlyList<string> lines)
    {
        return lines
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("kind", out var k) && k.GetString() == "ask")
            .Select(e => e.GetProperty("text").GetString()!)
            .ToList();
    }
}
