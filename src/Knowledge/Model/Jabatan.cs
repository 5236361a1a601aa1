namespace IkiBot.Knowledge.Model;

/// <summary>A position in the office, with its duties, functions and indicator table, as printed.</summary>
public sealed record Jabatan(
    string Nama,
    IReadOnlyList<string> Tugas,
    IReadOnlyList<string> Fungsi,
    IReadOnlyList<Indikator> Indikator)
{
    /// <summary>The jabatan's stable id in the versioned knowledge base ("jab-..."); null for a document read straight from a file.</summary>
    public string? Id { get; init; }
}
