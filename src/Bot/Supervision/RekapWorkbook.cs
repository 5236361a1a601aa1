using System.Drawing;
using IkiBot.Knowledge.Reporting;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace IkiBot.Bot.Supervision;

/// <summary>
/// The .xlsx staff copy into e-Kinerja (SpreadCheetah): a "Ringkasan" sheet (one line per jabatan), then one sheet per
/// jabatan with the columns Jabatan, No, Program, Indikator, Satuan, Target, Realisasi, Capaian (%), Periode.
/// Strings are written as text cells, so "November 2026" never turns into a date.
/// </summary>
public static class RekapWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SummarySheet = "Ringkasan";
    public static readonly string[] Columns = ["Jabatan", "No", "Program", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Periode"];
    public static readonly string[] SummaryColumns = ["Jabatan", "Lembar", "Indikator terukur", "Sudah dilaporkan", "Belum dilaporkan", "Pelapor", "Periode"];
    private static readonly double[] Widths = [42, 5, 50, 50, 12, 9, 10, 12, 16];
    private static readonly double[] SummaryWidths = [50, 32, 17, 17, 17, 30, 16];

    public static string FileName(PeriodeRange range) => $"rekap-iki-{range.Code}.xlsx";

    public static async Task<byte[]> BuildAsync(Rekap rekap, CancellationToken ct = default)
    {
        using var stream = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct))
        {
            var bold = book.AddStyle(new Style { Font = { Bold = true } });
            var header = book.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = Color.LightGray } });
            var top = book.AddStyle(new Style { Alignment = { Vertical = VerticalAlignment.Top } });
            var wrapTop = book.AddStyle(new Style { Alignment = { Vertical = VerticalAlignment.Top, WrapText = true } });
            var oneDecimal = book.AddStyle(new Style { Alignment = { Vertical = VerticalAlignment.Top }, Format = NumberFormat.Custom("0.0") });

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SummarySheet };
            var sheetOf = rekap.Jabatan.ToDictionary(j => j.Jabatan, j => SheetName(j.Jabatan, names));

            await book.StartWorksheetAsync(SummarySheet, Options(SummaryWidths, frozenRows: 5), ct);
            await book.AddRowAsync([new Cell("Rekap Realisasi Indikator Kinerja Individu — Dinas Tenaga Kerja", bold)], ct);
            await book.AddRowAsync([new Cell($"Periode: {rekap.Range.Label}")], ct);
            await book.AddRowAsync([new Cell($"Dibuat: {JakartaTime.From(rekap.MadeAt):dd/MM/yyyy HH:mm} WIB")], ct);
            await book.AddRowAsync([], ct);
            await book.AddRowAsync(SummaryColumns.Select(c => new Cell(c, header)).ToArray(), ct);
            foreach (var j in rekap.Jabatan)
                await book.AddRowAsync(
                [
                    new Cell(j.Jabatan), new Cell(sheetOf[j.Jabatan]), new Cell(j.Rows.Count), new Cell(j.Dilaporkan),
                    new Cell(j.Rows.Count - j.Dilaporkan), new Cell(string.Join(", ", j.Pelapor.Select(p => p.NamaTampilan))),
                    new Cell(rekap.Range.Label),
                ], ct);
            await book.AddRowAsync(
            [
                new Cell("Jumlah", bold), new Cell(), new Cell(rekap.Jabatan.Sum(j => j.Rows.Count)),
                new Cell(rekap.Jabatan.Sum(j => j.Dilaporkan)), new Cell(rekap.Jabatan.Sum(j => j.Rows.Count - j.Dilaporkan)),
            ], ct);
            await book.AddRowAsync([], ct);
            await book.AddRowAsync([new Cell($"Target = target tahun {rekap.Range.Tahun}; Realisasi = jumlah realisasi dalam periode (kosong bila belum dilaporkan); Capaian (%) = Realisasi ÷ Target × 100 (kosong bila target belum ditetapkan).")], ct);
            await book.AddRowAsync([new Cell("Indikator bertanda NIHIL atau kosong di dokumen IKI tidak dihitung.")], ct);

            foreach (var j in rekap.Jabatan)
            {
                await book.StartWorksheetAsync(sheetOf[j.Jabatan], Options(Widths, frozenRows: 1), ct);
                await book.AddRowAsync(Columns.Select(c => new Cell(c, header)).ToArray(), ct);
                foreach (var x in j.Rows)
                    await book.AddRowAsync(
                    [
                        new Cell(x.Jabatan, top), new Cell(x.No, top), new Cell(x.Program, wrapTop), new Cell(x.Indikator, wrapTop),
                        new Cell(x.Satuan, top),
                        x.Target is { } target ? new Cell(target, top) : new Cell(),
                        // Nothing reported in the period: empty, so it is not mistaken for a reported 0.
                        x.Dilaporkan ? new Cell(x.Realisasi, top) : new Cell(),
                        x.Dilaporkan && x.Capaian is { } capaian ? new Cell(capaian, oneDecimal) : new Cell(),
                        new Cell(x.Periode, top),
                    ], ct);
                if (j.Rows.Count == 0) await book.AddRowAsync([new Cell($"{j.Jabatan}: semua indikator NIHIL/kosong di dokumen IKI.")], ct);
            }
            await book.FinishAsync(ct);
        }
        return stream.ToArray();
    }

    private static WorksheetOptions Options(double[] widths, int frozenRows)
    {
        var options = new WorksheetOptions { FrozenRows = frozenRows };
        for (var c = 0; c < widths.Length; c++) options.Column(c + 1).Width = widths[c];
        return options;
    }

    /// <summary>Excel's rules: at most 31 characters, none of : \ / ? * [ ], unique (case-insensitive).</summary>
    public static string SheetName(string jabatan, ISet<string> taken)
    {
        var s = " " + jabatan.ToUpperInvariant() + " ";
        foreach (var (from, to) in Abbreviations) s = s.Replace(from, to, StringComparison.Ordinal);
        s = new string(s.Trim().Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        s = string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (s.Length > 31) s = s[..31].TrimEnd();
        var name = s;
        for (var n = 2; taken.Contains(name); n++)
        {
            var suffix = $" ({n})";
            name = (s.Length + suffix.Length > 31 ? s[..(31 - suffix.Length)].TrimEnd() : s) + suffix;
        }
        taken.Add(name);
        return name;
    }

    private static readonly (string, string)[] Abbreviations =
    [
        (" KEPALA SUB BAGIAN ", " KASUBAG "), (" KEPALA BIDANG ", " KABID "), (" KEPALA SEKSI ", " KASI "),
        (" TENAGA KERJA ", " TK "), (" DAN ", " & "), (" HUBUNGAN INDUSTRIAL ", " HI "),
        (" PENGADMINISTRASI ", " PENGADM "), (" INFORMASI ", " INFO "), (" PERLUASAN KESEMPATAN KERJA ", " PKK "),
        (" JAMINAN SOSIAL ", " JAMSOS "), (" KESEJAHTERAAN ", " KESEJ "), (" DALAM NEGERI ", " DN "), (" LUAR NEGERI ", " LN "),
    ];
}
