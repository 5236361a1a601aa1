using ClosedXML.Excel;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Supervision;

/// <summary>
/// The .xlsx staff copy into e-Kinerja (ClosedXML): a "Ringkasan" sheet (one line per jabatan), then one sheet per
/// jabatan with the columns Jabatan, No, Program, Indikator, Satuan, Target, Realisasi, Capaian (%), Periode.
/// </summary>
public static class RekapWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SummarySheet = "Ringkasan";
    public static readonly string[] Columns = ["Jabatan", "No", "Program", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Periode"];
    public static readonly string[] SummaryColumns = ["Jabatan", "Lembar", "Indikator terukur", "Sudah dilaporkan", "Belum dilaporkan", "Pelapor", "Periode"];
    private static readonly double[] Widths = [42, 5, 50, 50, 12, 9, 10, 12, 16];

    public static string FileName(PeriodeRange range) => $"rekap-iki-{range.Code}.xlsx";

    public static byte[] Build(Rekap rekap)
    {
        using var workbook = new XLWorkbook();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SummarySheet };
        var sheetOf = rekap.Jabatan.ToDictionary(j => j.Jabatan, j => SheetName(j.Jabatan, names));

        var summary = workbook.AddWorksheet(SummarySheet);
        Text(summary.Cell(1, 1), "Rekap Realisasi Indikator Kinerja Individu — Dinas Tenaga Kerja");
        summary.Cell(1, 1).Style.Font.Bold = true;
        Text(summary.Cell(2, 1), $"Periode: {rekap.Range.Label}");
        Text(summary.Cell(3, 1), $"Dibuat: {JakartaTime.From(rekap.MadeAt):dd/MM/yyyy HH:mm} WIB");
        const int head = 5;
        Header(summary, head, SummaryColumns);
        var r = head + 1;
        foreach (var j in rekap.Jabatan)
        {
            Text(summary.Cell(r, 1), j.Jabatan);
            Text(summary.Cell(r, 2), sheetOf[j.Jabatan]);
            summary.Cell(r, 3).Value = j.Rows.Count;
            summary.Cell(r, 4).Value = j.Dilaporkan;
            summary.Cell(r, 5).Value = j.Rows.Count - j.Dilaporkan;
            Text(summary.Cell(r, 6), string.Join(", ", j.Pelapor.Select(p => p.NamaTampilan)));
            Text(summary.Cell(r, 7), rekap.Range.Label);
            r++;
        }
        Text(summary.Cell(r, 1), "Jumlah");
        summary.Cell(r, 1).Style.Font.Bold = true;
        summary.Cell(r, 3).Value = rekap.Jabatan.Sum(j => j.Rows.Count);
        summary.Cell(r, 4).Value = rekap.Jabatan.Sum(j => j.Dilaporkan);
        summary.Cell(r, 5).Value = rekap.Jabatan.Sum(j => j.Rows.Count - j.Dilaporkan);
        Text(summary.Cell(r + 2, 1), $"Target = target tahun {rekap.Range.Tahun}; Realisasi = jumlah realisasi dalam periode (kosong bila belum dilaporkan); Capaian (%) = Realisasi ÷ Target × 100 (kosong bila target belum ditetapkan).");
        Text(summary.Cell(r + 3, 1), "Indikator bertanda NIHIL atau kosong di dokumen IKI tidak dihitung.");
        foreach (var (width, i) in new double[] { 50, 32, 17, 17, 17, 30, 16 }.Select((w, i) => (w, i)))
            summary.Column(i + 1).Width = width;
        summary.SheetView.FreezeRows(head);

        foreach (var j in rekap.Jabatan)
        {
            var sheet = workbook.AddWorksheet(sheetOf[j.Jabatan]);
            Header(sheet, 1, Columns);
            var row = 2;
            foreach (var x in j.Rows)
            {
                Text(sheet.Cell(row, 1), x.Jabatan);
                sheet.Cell(row, 2).Value = x.No;
                Text(sheet.Cell(row, 3), x.Program);
                Text(sheet.Cell(row, 4), x.Indikator);
                Text(sheet.Cell(row, 5), x.Satuan);
                if (x.Target is { } target) sheet.Cell(row, 6).Value = target;
                // Nothing reported in the period: empty, so it is not mistaken for a reported 0.
                if (x.Dilaporkan) sheet.Cell(row, 7).Value = x.Realisasi;
                if (x.Dilaporkan && x.Capaian is { } capaian)
                {
                    sheet.Cell(row, 8).Value = capaian;
                    sheet.Cell(row, 8).Style.NumberFormat.Format = "0.0";
                }
                Text(sheet.Cell(row, 9), x.Periode);
                row++;
            }
            if (j.Rows.Count == 0) Text(sheet.Cell(2, 1), $"{j.Jabatan}: semua indikator NIHIL/kosong di dokumen IKI.");
            for (var c = 0; c < Widths.Length; c++) sheet.Column(c + 1).Width = Widths[c];
            sheet.Columns(3, 4).Style.Alignment.WrapText = true;
            sheet.Range(1, 1, Math.Max(1, row - 1), Columns.Length).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.SheetView.FreezeRows(1);
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Text stays text: ClosedXML 0.95 would otherwise read "November 2026" as a date.</summary>
    private static void Text(IXLCell cell, string value) => cell.SetValue(value).SetDataType(XLDataType.Text);

    private static void Header(IXLWorksheet sheet, int row, string[] columns)
    {
        for (var c = 0; c < columns.Length; c++) Text(sheet.Cell(row, c + 1), columns[c]);
        var range = sheet.Range(row, 1, row, columns.Length);
        range.Style.Font.Bold = true;
        range.Style.Fill.BackgroundColor = XLColor.LightGray;
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
