using System.Diagnostics;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Editing;
using IkiBot.Data;
using IkiBot.Knowledge;

namespace IkiBot.Bot.Cli;

/// <summary>
/// Part of `bench` (issue 12): import of the bundled document as version 1 of the database knowledge base, and the
/// time from an admin's Simpan until the next question is answered with the new text.
/// </summary>
public static class KnowledgeEditBench
{
    public sealed record Figures(double ImportMs, double SaveToAnswerP50Ms, double SaveToAnswerMaxMs, int Edits);

    public static Figures Run(int edits = 10)
    {
        var db = Path.Combine(Path.GetTempPath(), $"ikibot-bench-kb-{Guid.NewGuid():N}.db");
        try
        {
            var factory = Database.Open(db);
            var import = Stopwatch.StartNew();
            KnowledgeVersions.LoadAsync(new KnowledgeVersionStore(factory, TimeProvider.System), new IndikatorKeyMapping(factory, TimeProvider.System),
                BundledDocument.Load, "impor dokumen bawaan").GetAwaiter().GetResult();
            import.Stop();
            factory.ReleaseConnections();

            using var services = new Composition.BotServices(new Configuration.BotSettings { DatabasePath = db, Admins = ["bench"] }, TimeProvider.System, quiet: true);
            var n = 0;
            TurnResult Say(string text) => services.Engine.HandleAsync(new Incoming("console", "bench", "Bench", $"b{++n}", text, DateTimeOffset.UtcNow)).GetAwaiter().GetResult();
            var samples = new List<double>();
            for (var i = 0; i < edits; i++)
            {
                var text = $"Membantu meneliti hasil pengelolaan keuangan putaran {i}";
                var preview = Say($"/ubah tugas bendahara f {text}");
                var t = Stopwatch.GetTimestamp();
                Say(preview.Replies[0].Choices[0].Payload);
                if (!Say("/tugas bendahara").Text.Contains(text)) throw new InvalidOperationException("The edit was not served.");
                samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            samples.Sort();
            return new Figures(Math.Round(import.Elapsed.TotalMilliseconds, 1), Math.Round(BenchCommand.Percentile(samples, 0.5), 1), Math.Round(samples[^1], 1), samples.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(db + suffix);
        }
    }
}
