using IkiBot.Knowledge.Search;

namespace IkiBot.Knowledge.Understanding;

/// <summary>A jabatan with how well it fits the message, and the passages that made it fit (for "siapa").</summary>
public sealed record RankedJabatan(string Nama, double Score, IReadOnlyList<Passage> Evidence)
{
    public RankedJabatan(string nama, double score) : this(nama, score, []) { }
}
