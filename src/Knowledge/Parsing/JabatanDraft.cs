using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Parsing;

/// <summary>A jabatan block while it is being read.</summary>
internal sealed class JabatanDraft(int startLine)
{
    public int StartLine { get; } = startLine;
    public string? Nama { get; set; }
    public Section Section { get; set; } = Section.None;
    public List<ListItemDraft> Tugas { get; } = [];
    public List<ListItemDraft> Fungsi { get; } = [];
    public List<RowDraft> Rows { get; } = [];

    public bool IsEmpty => Nama is null && Tugas.Count == 0 && Fungsi.Count == 0 && Rows.Count == 0;

    public List<ListItemDraft>? CurrentList => Section switch
    {
        Section.Tugas => Tugas,
        Section.Fungsi => Fungsi,
        _ => null,
    };

    public Jabatan ToJabatan() => new(
        Nama ?? "",
        Tugas.Select(t => t.Text).ToList(),
        Fungsi.Select(f => f.Text).ToList(),
        Rows.OrderBy(r => r.No).Select(r => r.ToIndikator()).ToList());
}

internal enum Section { None, Jabatan, Tugas, Fungsi, Table }

internal sealed class ListItemDraft(string text, bool lettered)
{
    public string Text { get; set; } = text;
    public bool Lettered { get; } = lettered;
}

internal sealed class RowDraft(int line, int no, string program, string uraian, string formulasi, string sumberData)
{
    public int Line { get; } = line;
    public int No { get; } = no;
    public string Program { get; } = program;
    public string Uraian { get; } = uraian;
    public string Formulasi { get; } = formulasi;
    public string SumberData { get; } = sumberData;
    public List<string> Rincian { get; } = [];

    public bool SameCells(RowDraft other) =>
        Program == other.Program && Uraian == other.Uraian && Formulasi == other.Formulasi && SumberData == other.SumberData;

    // Texts are cleaned once here, so every reply, JSON output and export shows the same text.
    public Indikator ToIndikator() =>
        new(No, IndikatorText.Clean(Program), IndikatorText.Clean(Uraian), Rincian.ToList(), Formulasi, SumberData) { UraianAsli = Uraian };
}

/// <summary>Rows whose numbering broke off from the table they were printed in (pages out of order).</summary>
internal sealed class RowFragment(int afterBlock)
{
    public int AfterBlock { get; } = afterBlock;
    public List<RowDraft> Rows { get; } = [];
    public int FirstNo => Rows[0].No;
    public int LastNo => Rows[^1].No;
}
