using IkiBot.Knowledge.Reporting;

namespace IkiBot.Knowledge.Tests.Reporting;

/// <summary>Own phrasings (not the dev lines): values, units, word order, chat forms, numbers that are not the value, clarify.</summary>
[Collection(ReportCollection.Name)]
public sealed class ReportInterpreterTests(ReportFixture fixture)
{
    private const string Bendahara = "BENDAHARA";
    private const string Pendataan = "SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN";
    private const string Ipk = "PENGADMINISTRASI INFORMASI PASAR KERJA";
    private const string DalamNegeri = "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI";
    private const string LuarNegeri = "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI";
    private const string Perluasan = "SEKSI PERLUASAN KESEMPATAN KERJA";
    private const string Monev = "SEKSI MONITORING DAN EVALUASI KETENAGAKERJAAN";
    private const string Keuangan = "PENGADMINISTRASI KEUANGAN";
    private const string Barang = "PENGADMINISTRASI BARANG";
    private const string Syarat = "SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL";

    private void AssertOk(ReportDecision d, int row, int value)
    {
        Assert.True(d.Status == ReportStatus.Ok, $"{d.Status}: {d.Message}");
        Assert.Equal(row, d.Row!.No);
        Assert.Equal([d.Row], d.Candidates);
        Assert.Equal(value, d.Value);
    }

    [Theory]
    [InlineData(Bendahara, "SP2D yg dibuat tujuh belas", 2, 17)]
    [InlineData(Bendahara, "spp diajukan seratus lima", 1, 105)]
    [InlineData(Bendahara, "pemeriksaan kas sebelas kali", 5, 11)]
    [InlineData(Bendahara, "SP2D dibuat dua ratus empat puluh", 2, 240)]
    [InlineData(Bendahara, "SP2D dibuat seribu", 2, 1000)]
    [InlineData(Bendahara, "SP2D dibuat se-ratus", 2, 100)]
    [InlineData(Bendahara, "SP2D dibuat duapuluh tiga", 2, 23)]
    [InlineData(Bendahara, "laporan fungsional satu", 4, 1)]
    [InlineData(Bendahara, "SP2D dibuat 1.250", 2, 1250)]
    [InlineData(Bendahara, "SP2D dibuat 2 rb", 2, 2000)]
    [InlineData(Bendahara, "SP2D dibuat nihil", 2, 0)]
    public void Reads_digits_and_number_words(string jabatan, string text, int row, int value) =>
        AssertOk(fixture.Read(jabatan, text), row, value);

    [Theory]
    [InlineData(Bendahara, "laporan fungsional 2 dok", 4, 2)]
    [InlineData(Perluasan, "TKA dimonitor 15 orang", 9, 15)]
    [InlineData(Perluasan, "TKA dimonitor 15org", 9, 15)]
    [InlineData(Syarat, "bimbingan aplikasi upah 6 perusahaan", 2, 6)]
    [InlineData(Bendahara, "pemeriksaan kas 3x", 5, 3)]
    [InlineData(Barang, "kendaraan dinas diurus 4 unit", 7, 4)]
    public void Ignores_units_after_the_value(string jabatan, string text, int row, int value) =>
        AssertOk(fixture.Read(jabatan, text), row, value);

    [Theory]
    [InlineData(Perluasan, "12 TKA yang dimonitor", 9, 12)]
    [InlineData(Pendataan, "7 SPJ diketik", 7, 7)]
    [InlineData(Pendataan, "lapor: SPJ diketik 7", 7, 7)]
    [InlineData(Pendataan, "Lapor bu, sdh ngetik SPJ 9 ya", 7, 9)]
    [InlineData(DalamNegeri, "td sdh daftarin 12 pencaker", 3, 12)]
    [InlineData(DalamNegeri, "28 loker & pencaker yg mendaftar", 3, 28)]
    [InlineData(LuarNegeri, "nerbitin rekom paspor PMI 3", 6, 3)]
    [InlineData(Keuangan, "SPJ yg dinomorin 16", 7, 16)]
    [InlineData("ADMINISTRASI UMUM", "surat2 masuk diregister 31", 4, 31)]
    [InlineData(Ipk, "pencaker dilayani informasi pasar kerja & bimbingan jabatan 10", 4, 10)]
    public void Reads_any_word_order_and_chat_forms(string jabatan, string text, int row, int value) =>
        AssertOk(fixture.Read(jabatan, text), row, value);

    [Theory]
    [InlineData(Bendahara, "SP2D thn 2024 dibuat 6", 2, 6)]
    [InlineData(Bendahara, "SP2D 2025 dibuat 6", 2, 6)]
    [InlineData(Bendahara, "SP2D bulan 11 sebanyak 14", 2, 14)]
    [InlineData(Bendahara, "SP2D tgl 27/11/2026 ada 8", 2, 8)]
    [InlineData(Bendahara, "jam 10:30 SP2D 5", 2, 5)]
    [InlineData(Monev, "kasus kecelakaan kerja K3 2 kasus", 5, 2)]
    [InlineData(Perluasan, "dokumen IMTA dikirim ke P2T Jatim 4", 8, 4)]
    [InlineData(DalamNegeri, "pendaftaran pencaker AK1 hr ini 30", 3, 30)]
    [InlineData(Bendahara, "SP2D ke-2 dibuat 7", 2, 7)]
    [InlineData(Bendahara, "SP2D 3 hari dibuat 7", 2, 7)]
    public void Skips_numbers_that_are_not_the_value(string jabatan, string text, int row, int value) =>
        AssertOk(fixture.Read(jabatan, text), row, value);

    [Fact]
    public void A_quarter_number_is_not_the_value()
    {
        var july = new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(7));
        var d = fixture.Read(Bendahara, "SP2D TW II dibuat 9", july);
        AssertOk(d, 2, 9);
        Assert.Equal("2026-06", d.Periode.Code);
    }

    [Theory]
    [InlineData(Ipk, "pencaker dilayani 9", new[] { 2, 4 })]
    [InlineData(Ipk, "td sdh layani 12 pencaker", new[] { 2, 4 })]
    [InlineData(Syarat, "prsh yang dibina 3", new[] { 5, 7 })]
    [InlineData(Pendataan, "dok dibuat 4", new[] { 1, 2, 4, 6 })]
    [InlineData("SEKSI KELEMBAGAAN TENAGA KERJA", "jumlah kunjungan yg dilakukan 3", new[] { 6, 7 })]
    [InlineData("PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI", "bahan disiapkan 4", new[] { 5, 6, 7 })]
    public void Asks_back_when_rows_fit_about_equally(string jabatan, string text, int[] rows)
    {
        var d = fixture.Read(jabatan, text);
        Assert.True(d.Status == ReportStatus.Clarify, $"{d.Status} [{string.Join(",", d.Candidates.Select(r => r.No))}]: {d.Message}");
        Assert.Null(d.Row);
        Assert.Equal(rows, d.Candidates.Select(r => r.No));
        Assert.Contains("yang mana", d.Message);
        foreach (var r in rows) Assert.Contains($"{r}. ", d.Message);
    }

    [Fact]
    public void Program_words_pick_one_of_two_rows_with_the_same_indicator()
    {
        AssertOk(fixture.Read(Ipk, "pendaftar pencaker dicatat 10"), 2, 10);
        AssertOk(fixture.Read(Ipk, "bimbingan jabatan utk pencaker 8 org"), 4, 8);
    }

    [Fact]
    public void Clarify_question_tells_identical_indicators_apart_by_program()
    {
        var d = fixture.Read(Ipk, "pencaker dilayani 9");
        Assert.Contains("Mencatat pendaftar pencari kerja", d.Message);
        Assert.Contains("bimbingan jabatan", d.Message);
        Assert.Equal(9, d.Value);
        Assert.Equal("2026-11", d.Periode.Code);
    }

    [Theory]
    [InlineData(Barang, "laporan tahunan 1", 11)]
    [InlineData(DalamNegeri, "bimbingan jabatan 5", 5)]
    public void Stores_at_once_when_every_word_is_in_one_rows_program_only(string jabatan, string text, int row)
    {
        // Issue 10: no "untuk indikator ini?" with a single candidate that holds every word of the message.
        var d = fixture.Read(jabatan, text);
        Assert.True(d.Status == ReportStatus.Ok, $"{d.Status}: {d.Message}");
        Assert.Equal(row, d.Row!.No);
    }

    [Fact]
    public void A_distinctive_word_the_row_lacks_is_not_stored()
    {
        // "pencaker" is no word of SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI; "dilayani" alone points to the TKI homecoming row.
        var d = fixture.Read(LuarNegeri, "pencaker dilayani 5");
        Assert.NotEqual(ReportStatus.Ok, d.Status);
    }

    [Fact]
    public void Never_stores_a_row_text_on_another_row()
    {
        // Each countable row's own indicator text, as a report, lands on that row or asks between rows that include it.
        var misplaced = new List<string>();
        foreach (var j in fixture.Knowledge.Kb.Jabatan)
            foreach (var row in j.Indikator.Where(r => !r.TidakTerukur))
            {
                var text = row.Uraian.Trim().TrimStart('-', ' ') + " 5";
                var d = fixture.Read(j.Nama, text);
                if (d.Status == ReportStatus.Ok && d.Row!.No != row.No) misplaced.Add($"{j.Nama} #{row.No} -> #{d.Row.No}");
                if (d.Status == ReportStatus.Clarify && d.Candidates.All(c => c.No != row.No)) misplaced.Add($"{j.Nama} #{row.No} -> ?");
            }
        Assert.Empty(misplaced);
    }
}
