namespace IkiBot.Knowledge.Model;

/// <summary>A position in the office, with its duties, functions and indicator table, as printed.</summary>
public sealed record Jabatan(
    string Nama,
    IReadOnlyList<string> Tugas,
    IReadOnlyList<string> Fungsi,
    IReadOnlyList<Indikator> Indikator);
