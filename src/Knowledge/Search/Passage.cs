namespace IkiBot.Knowledge.Search;

public enum PassageKind { Tugas, Fungsi, Indikator }

/// <summary>One searchable piece of a jabatan: a tugas, a fungsi, or an indicator row (program + indikator + rincian).</summary>
public sealed record Passage(int Id, string Jabatan, PassageKind Kind, int Ordinal, string Text);

public sealed record PassageHit(Passage Passage, float Score);
