using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Parsing;

internal sealed class ParseState
{
    private readonly List<JabatanDraft> _blocks = [];
    private readonly List<RowFragment> _fragments = [];
    private readonly List<ImportIssue> _report = [];

    public JabatanDraft? Block { get; set; }

    /// <summary>Rows being collected aside because their numbering broke off.</summary>
    public RowFragment? Fragment { get; set; }

    public RowDraft? LastRow => Fragment is not null ? Fragment.Rows[^1] : Block?.Rows.LastOrDefault();

    public JabatanDraft OpenBlock(int line)
    {
        Block = new JabatanDraft(line);
        Fragment = null;
        return Block;
    }

    public void CloseBlock()
    {
        if (Block is { IsEmpty: false }) _blocks.Add(Block);
        Block = null;
        Fragment = null;
    }

    public void Report(int line, string text, string reason) =>
        _report.Add(new ImportIssue(line, text.Trim(), reason));

    public void AddRow(RowDraft row)
    {
        // A row printed twice in a row (page break) is no break in the numbering: report the copy, keep the table whole.
        if (LastRow is { } last && last.No == row.No && last.SameCells(row))
        {
            Report(row.Line, $"{row.No}\t{row.Program}", $"Baris tabel nomor {row.No} tercetak dua kali; salinannya tidak dimuat.");
            return;
        }

        if (Fragment is not null)
        {
            if (row.No == Fragment.LastNo + 1) { Fragment.Rows.Add(row); return; }
            StartFragment(row);
            return;
        }

        Block ??= OpenBlock(row.Line);
        var rows = Block.Rows;
        if (rows.Count > 0 && row.No <= rows[^1].No)
        {
            StartFragment(row);
            return;
        }
        if (rows.Count > 0 && row.No > rows[^1].No + 1)
            Report(row.Line, $"{row.No}\t{row.Program}", $"Nomor baris melompat dari {rows[^1].No} ke {row.No}.");
        rows.Add(row);
    }

    private void StartFragment(RowDraft row)
    {
        Fragment = new RowFragment(afterBlock: _blocks.Count);
        Fragment.Rows.Add(row);
        _fragments.Add(Fragment);
    }

    public KnowledgeBase Finish()
    {
        foreach (var fragment in _fragments)
            PlaceFragment(fragment);

        var jabatan = new List<Jabatan>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in _blocks)
        {
            if (block.Nama is null)
            {
                Report(block.StartLine, "", $"Blok jabatan tanpa nama ({block.Tugas.Count} tugas, {block.Fungsi.Count} fungsi, {block.Rows.Count} baris indikator) tidak dimuat.");
                continue;
            }
            if (!names.Add(block.Nama))
            {
                Report(block.StartLine, block.Nama, $"Nama jabatan muncul dua kali; blok kedua ({block.Tugas.Count} tugas, {block.Fungsi.Count} fungsi, {block.Rows.Count} baris indikator) tidak dimuat.");
                continue;
            }
            jabatan.Add(block.ToJabatan());
        }
        if (jabatan.Count == 0 && _report.Count == 0)
            Report(0, "", "Dokumen tidak berisi blok jabatan.");
        return new KnowledgeBase(jabatan, _report.OrderBy(r => r.Line).ToList());
    }

    /// <summary>
    /// A fragment belongs to the nearest later (else earlier) table that stops right before its first row
    /// and has none of its numbers; without exactly such a table it is reported.
    /// </summary>
    private void PlaceFragment(RowFragment fragment)
    {
        bool Fits(JabatanDraft b) => b.Rows.Count > 0 && b.Rows.Max(r => r.No) == fragment.FirstNo - 1;
        var target = _blocks.Skip(fragment.AfterBlock).FirstOrDefault(Fits)
                     ?? _blocks.Take(fragment.AfterBlock).LastOrDefault(Fits);
        if (target is null)
        {
            foreach (var row in fragment.Rows)
                Report(row.Line, $"{row.No}\t{row.Program}", "Baris tabel dengan nomor yang tidak berurutan dan tidak ada tabel yang cocok; tidak dimuat.");
            return;
        }
        target.Rows.AddRange(fragment.Rows);
    }
}
