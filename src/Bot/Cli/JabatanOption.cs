using IkiBot.Knowledge;

namespace IkiBot.Bot.Cli;

/// <summary>A jabatan typed on the command line, read the way the chat reads it ("kadis", "kasi PHI", "bendahara").</summary>
public static class JabatanOption
{
    public static string Resolve(IkiKnowledge knowledge, string typed)
    {
        var nama = knowledge.ResolveJabatan(typed, out var candidates);
        if (nama is not null) return nama;
        if (candidates.Count > 0)
            throw new UsageException($"Jabatan \"{typed}\" belum jelas; maksud Anda: {string.Join(" / ", candidates.Select(c => $"\"{c}\""))}?");
        throw new UsageException($"Jabatan \"{typed}\" tidak ada dalam dokumen IKI. Lihat daftarnya dengan: ikibot kb");
    }
}
