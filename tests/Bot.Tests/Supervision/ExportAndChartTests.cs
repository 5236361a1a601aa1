using System.Buffers.Binary;
using IkiBot.Bot.Cli;
using IkiBot.Bot.Supervision;
using IkiBot.Data;
using static IkiBot.Bot.Tests.Supervision.SupervisionBot;

namespace IkiBot.Bot.Tests.Supervision;

public class ExportAndChartTests
{
    private static async Task<SupervisionBot> BotWithReportsAsync()
    {
        var bot = new SupervisionBot();
        await bot.UserAsync("admin", null, Peran.Admin, nama: "Admin");
        await bot.UserAsync("kabid", KabidPenta, Peran.Atasan, nama: "Bu Sari");
        await bot.UserAsync("budi", SeksiDn, Peran.Atasan, nama: "Budi");
        await bot.UserAsync("rina", Bendahara, nama: "Rina");
        Assert.Contains("ditetapkan", (await bot.Say("/target 3 600", "budi")).Text);
        await bot.ReportAsync("budi", "pendaftaran pencaker 57");
        await bot.ReportAsync("budi", "pendaftaran pencaker 3");
        await bot.ReportAsync("budi", "pendaftaran pencaker bulan oktober 63");
        await bot.ReportAsync("budi", "pendaftaran pencaker bulan september 10");
        await bot.ReportAsync("rina", "SPP diajukan 4");
        await bot.ReportAsync("rina", "pemeriksaan kas dilakukan 0");
        return bot;
    }

    private static XlsxBook Open(byte[] bytes) => XlsxBook.Open(bytes);

    [Fact]
    public async Task The_exported_workbook_has_a_summary_and_one_sheet_per_jabatan_with_the_e_kinerja_columns_and_numbers()
    {
        using var bot = await BotWithReportsAsync();
        var reply = Assert.Single((await bot.Say("/ekspor", "admin")).Replies);
        Assert.NotNull(reply.File);
        Assert.Equal("rekap-iki-2026-11.xlsx", reply.File!.FileName);
        Assert.Equal(RekapWorkbook.ContentType, reply.File.ContentType);
        Assert.Contains("27 jabatan", reply.Text);

        var book = Open(reply.File.Content);
        Assert.Equal(28, book.Sheets.Count);
        Assert.Equal("Ringkasan", book.Sheets[0].Name);
        Assert.All(book.Sheets, s => Assert.True(s.Name.Length <= 31));

        var summary = book.Sheet("Ringkasan");
        Assert.Equal("Periode: November 2026", summary.Text(2, 1));
        Assert.True(summary.Cell(2, 1)!.IsText);
        Assert.Equal(RekapWorkbook.SummaryColumns, Enumerable.Range(1, 7).Select(c => summary.Text(5, c)).ToArray());
        var seksiLine = summary.RowWhere(1, SeksiDn);
        Assert.Equal((6, 1, 5, "Budi", "November 2026"),
            ((int)summary.Number(seksiLine, 3), (int)summary.Number(seksiLine, 4), (int)summary.Number(seksiLine, 5), summary.Text(seksiLine, 6), summary.Text(seksiLine, 7)));
        Assert.True(summary.Cell(seksiLine, 7)!.IsText); // "November 2026" stays text, not a date
        var total = summary.RowWhere(1, "Jumlah");
        Assert.Equal(summary.Number(total, 3), summary.Number(total, 4) + summary.Number(total, 5));

        var sheet = book.Sheet(summary.Text(seksiLine, 2));
        Assert.Equal(["Jabatan", "No", "Program", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Periode"],
            Enumerable.Range(1, 9).Select(c => sheet.Text(1, c)).ToArray());
        Assert.Equal(7, sheet.LastRowUsed); // header + 6 countable indicators
        var row3 = sheet.RowWhere(2, "3");
        Assert.Equal(SeksiDn, sheet.Text(row3, 1));
        Assert.Equal("Jumlah pendaftaran pencari kerja dan lowongan kerja", sheet.Text(row3, 4));
        Assert.Equal(600, sheet.Number(row3, 6));
        Assert.Equal(60, sheet.Number(row3, 7)); // 57 + 3 in November
        Assert.Equal(10.0, sheet.Number(row3, 8));
        Assert.Equal("November 2026", sheet.Text(row3, 9));
        Assert.True(sheet.Cell(row3, 9)!.IsText);
        var row1 = sheet.RowWhere(2, "1");
        Assert.Equal("Dokumen", sheet.Text(row1, 5));
        Assert.True(sheet.IsEmpty(row1, 6)); // no target set
        Assert.True(sheet.IsEmpty(row1, 7)); // not reported: empty, not 0
        Assert.True(sheet.IsEmpty(row1, 8));
        var bendahara = book.Sheet("BENDAHARA");
        Assert.Equal(0, bendahara.Number(bendahara.RowWhere(2, "5"), 7)); // reported 0 stays 0
        Assert.Equal(4, bendahara.Number(bendahara.RowWhere(2, "1"), 7));
    }

    [Fact]
    public async Task Quarter_and_year_exports_add_up_their_months_and_staf_get_only_their_own_jabatan()
    {
        using var bot = await BotWithReportsAsync();
        var quarter = (await bot.Say("/ekspor TW IV", "budi")).Replies[0].File!; // an atasan: own jabatan and the pengadministrasi under it
        var book = Open(quarter.Content);
        Assert.Equal(["Ringkasan", "SEKSI PENEMPATAN TK DN", "PENGADM INFO PASAR KERJA"], book.Sheets.Select(s => s.Name).ToArray());
        var sheet = book.Sheets[1];
        var row3 = sheet.RowWhere(2, "3");
        Assert.Equal((123.0, 20.5, "TW IV 2026"), (sheet.Number(row3, 7), sheet.Number(row3, 8), sheet.Text(row3, 9)));
        Assert.Equal(["Ringkasan", "BENDAHARA"], Open((await bot.Say("/ekspor", "rina")).Replies[0].File!.Content).Sheets.Select(s => s.Name).ToArray());

        var path = Path.Combine(Path.GetTempPath(), $"ikibot-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, await SupervisionCommands.ExportAsync(bot.Services, null, null, 2026, [SeksiDn], path, json: true, output));
            Assert.Contains("\"sheets\":2", output.ToString());
            var year = XlsxBook.Open(path).Sheets[1];
            var yearRow3 = year.RowWhere(2, "3");
            Assert.Equal((133.0, 22.2, "Tahun 2026"), (year.Number(yearRow3, 7), year.Number(yearRow3, 8), year.Text(yearRow3, 9)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sheet_names_are_short_legal_and_unique()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Ringkasan" };
        var names = IkiBot.Knowledge.IkiKnowledge.LoadBundled().Kb.Jabatan.Select(j => RekapWorkbook.SheetName(j.Nama, taken)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.True(n.Length is > 0 and <= 31 && n.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) < 0, n));
    }

    [Fact]
    public async Task The_chart_is_a_real_png_of_monthly_realization_against_target()
    {
        using var bot = await BotWithReportsAsync();
        var reply = (await bot.Say("/grafik 3", "budi")).Replies[0];
        Assert.Equal("image/png", reply.File!.ContentType);
        AssertPng(reply.File.Content);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "ikibot-grafik-test.png"), reply.File.Content); // to look at

        var byWords = (await bot.Say("/grafik pendaftaran pencaker", "budi")).Replies[0];
        Assert.Equal("grafik-2026-no3.png", byWords.File!.FileName);
        var rekap = (await bot.Say("/rekap bulan ini", "budi")).Text; // an atasan role with a period: the tree view, here with a target
        Assert.Contains("3. Jumlah pendaftaran pencari kerja dan lowongan kerja: 60 · target 600 · 10%", rekap);
        var all = (await bot.Say("/grafik", "budi")).Replies[0];
        AssertPng(all.File!.Content);
        Assert.Contains("tidak ada", (await bot.Say("/grafik 99", "budi")).Text);
    }

    private static void AssertPng(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(RealisasiChart.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(RealisasiChart.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.True(png.Length > 10_000, $"only {png.Length} bytes");
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
    }
}
