using IkiBot.Bot.Configuration;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Parsing;

namespace IkiBot.Bot.Cli;

public static class KnowledgeLoader
{
    /// <summary>The document from --kb or configuration, else the bundled one. Import problems go to stderr.</summary>
    public static IkiKnowledge Load(BotSettings settings, bool quiet = false)
    {
        IkiKnowledge knowledge;
        if (settings.KnowledgePath is { } path)
        {
            if (!File.Exists(path)) throw new UsageException($"Dokumen IKI tidak ditemukan: {path}");
            knowledge = new IkiKnowledge(new IkiDocumentParser().ParseFile(path), settings.Atasan);
        }
        else knowledge = new IkiKnowledge(BundledDocument.Load(), settings.Atasan);
        if (!quiet && knowledge.Kb.Report.Count > 0)
            Console.Error.WriteLine($"Peringatan: {knowledge.Kb.Report.Count} baris dokumen tidak dapat ditempatkan (lihat: kb --json).");
        return knowledge;
    }
}

public sealed class UsageException(string message) : Exception(message);
