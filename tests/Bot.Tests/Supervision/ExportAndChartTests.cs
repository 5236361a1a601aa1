using System.Buffers.Binary;
using ClosedXML.Excel;
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

    private static IXLRow BendaharaRow(XLWorkbook book, int no) =>
        book.Worksheet("BENDAHARA").RowsUsed().Single(r => r.Cell(2).GetString() == no.ToString());

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public async Task The_exported_workbook_has_a_summary_and_one_sheet_per_jabatan_with_the_e_kinerja_columns_and_numbers()
    {
        using var bot = await BotWithReportsAsync();
        var reply = Assert.Single((await bot.Say("/ekspor", "admin")).Replies);
        Assert.NotNull(reply.File);
        Assert.Equal("rekap-iki-2026-11.xlsx", reply.File!.FileName);
        Assert.Equal(RekapWorkbook.ContentType, reply.File.ContentType);
        Assert.Contains("27 jabatan", reply.Text);

        using var book = Open(reply.File.Content);
        Assert.Equal(28, book.Worksheets.Count);
        Assert.Equal("Ringkasan", book.Worksheet(1).Name);
        Assert.All(book.Worksheets, s => Assert.True(s.Name.Length <= 31));

        var summary = book.Worksheet("Ringkasan");
        Assert.Equal("Periode: November 2026", summary.Cell(2, 1).GetString());
        Assert.Equal(RekapWorkbook.SummaryColumns, Enumerable.Range(1, 7).Select(c => summary.Cell(5, c).GetString()).ToArray());
        var seksiLine = summary.RowsUsed().Single(r => r.Cell(1).GetString() == SeksiDn);
        Assert.Equal((6, 1, 5, "Budi", "November 2026"),
            ((int)seksiLine.Cell(3).GetDouble(), (int)seksiLine.Cell(4).GetDouble(), (int)seksiLine.Cell(5).GetDouble(), seksiLine.Cell(6).GetString(), seksiLine.Cell(7).GetString()));

        var sheet = book.Worksheet(seksiLine.Cell(2).GetString());
        Assert.Equal(["Jabatan", "No", "Program", "Indikator", "Satuan", "Target", "Realisasi", "Capaian (%)", "Periode"],
            Enumerable.Range(1, 9).Select(c => sheet.Cell(1, c).GetString()).ToArray());
        Assert.Equal(7, sheet.LastRowUsed().RowNumber()); // header + 6 countable indicators
        var row3 = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "3");
        Assert.Equal(SeksiDn, row3.Cell(1).GetString());
        Assert.Equal("Jumlah pendaftaran pencari kerja dan lowongan kerja", row3.Cell(4).GetString());
        Assert.Equal(600, row3.Cell(6).GetDouble());
        Assert.Equal(60, row3.Cell(7).GetDouble()); // 57 + 3 in November
        Assert.Equal(10.0, row3.Cell(8).GetDouble());
        Assert.Equal("November 2026", row3.Cell(9).GetString());
        var row1 = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "1");
        Assert.Equal("Dokumen", row1.Cell(5).GetString());
        Assert.True(row1.Cell(6).IsEmpty()); // no target set
        Assert.True(row1.Cell(7).IsEmpty()); // not reported: empty, not 0
        Assert.True(row1.Cell(8).IsEmpty());
        Assert.Equal(0, BendaharaRow(book, 5).Cell(7).GetDouble()); // reported 0 stays 0

        var bendahara = book.Worksheet("BENDAHARA");
        Assert.Equal(4, bendahara.RowsUsed().Single(r => r.Cell(2).GetString() == "1").Cell(7).GetDouble());
    }

    [Fact]
    public async Task Quarter_and_year_exports_add_up_their_months_and_staf_get_only_their_own_jabatan()
    {
        using var bot = await BotWithReportsAsync();
        var quarter = (await bot.Say("/ekspor TW IV", "budi")).Replies[0].File!; // an atasan: own jabatan and the pengadministrasi under it
        using (var book = Open(quarter.Content))
        {
            Assert.Equal(["Ringkasan", "SEKSI PENEMPATAN TK DN", "PENGADM INFO PASAR KERJA"], book.Worksheets.Select(s => s.Name).ToArray());
            var row3 = book.Worksheet(2).RowsUsed().Single(r => r.Cell(2).GetString() == "3");
            Assert.Equal((123.0, 20.5, "TW IV 2026"), (row3.Cell(7).GetDouble(), row3.Cell(8).GetDouble(), row3.Cell(9).GetString()));
        }
        using (var book = Open((await bot.Say("/ekspor", "rina")).Replies[0].File!.Content))
            Assert.Equal(["Ringkasan", "BENDAHARA"], book.Worksheets.Select(s => s.Name).ToArray());

        var path = Path.Combine(Path.GetTempPath(), $"ikibot-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, await SupervisionCommands.ExportAsync(bot.Services, null, null, 2026, [SeksiDn], path, json: true, output));
            Assert.Contains("\"sheets\":2", output.ToString());
            using var book = new XLWorkbook(path);
            var row3 = book.Worksheet(2).RowsUsed().Single(r => r.Cell(2).GetString() == "3");
            Assert.Equal((133.0, 22.2, "Tahun 2026"), (row3.Cell(7).GetDouble(), row3.Cell(8).GetDouble(), row3.Cell(9).GetString()));
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
