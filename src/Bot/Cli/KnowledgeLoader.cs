using IkiBot.Bot.Configuration;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Parsing;

namespace IkiBot.Bot.Cli;

public static class KnowledgeLoader
{
    /// <summary>The document from --kb or configuration, else the bundled one. Import problems go to stderr.</summary>
    public static IkiKnowledge Load(BotSettings settings, bool quiet = false) => new(LoadDocument(settings, quiet), settings.Atasan);

    /// <summary>The document only (no index): what is imported as the first version of the knowledge base.</summary>
    public static KnowledgeBase LoadDocument(BotSettings settings, bool quiet = false)
    {
        KnowledgeBase kb;
        if (settings.KnowledgePath is { } path)
        {
            if (!File.Exists(path)) throw new UsageException($"Dokumen IKI tidak ditemukan: {path}");
            kb = new IkiDocumentParser().ParseFile(path);
        }
        else kb = BundledDocument.Load();
        if (!quiet && kb.Report.Count > 0)
            Console.Error.WriteLine($"Peringatan: {kb.Report.Count} baris dokumen tidak dapat ditempatkan (lihat: kb --json).");
        return kb;
    }

    /// <summary>Names the document imported as version 1 (kept with the version).</summary>
    public static string SourceOf(BotSettings settings) =>
        settings.KnowledgePath is { } path ? $"impor {Path.GetFileName(path)}" : "impor dokumen bawaan";
}

public sealed class UsageException(string message) : Exception(message);
