using IkiBot.Knowledge;

namespace IkiBot.Knowledge.Tests.Parsing;

public class BundledDocumentTests
{
    private static readonly Model.KnowledgeBase Kb = BundledDocument.Load();

    [Theory]
    [InlineData("KEPALA DINAS", 1, 5, 11, 0)]
    [InlineData("SEKRETARIS", 1, 14, 12, 0)]
    [InlineData("KEPALA SUB BAGIAN PENYUSUNAN PROGRAM", 10, 3, 7, 0)]
    [InlineData("KEPALA SUB BAGIAN KEUANGAN", 8, 1, 7, 4)]
    [InlineData("KEPALA SUB BAGIAN KEPEGAWAIAN", 12, 6, 9, 0)]
    [InlineData("KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA", 1, 6, 6, 0)]
    [InlineData("KEPALA BIDANG PENGEMBANGAN KETENAGAKERJAAN", 1, 8, 8, 0)]
    [InlineData("KEPALA BIDANG PELATIHAN TENAGA KERJA", 1, 7, 6, 0)]
    [InlineData("KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK", 1, 16, 15, 0)]
    [InlineData("SEKSI MONITORING DAN EVALUASI KETENAGAKERJAAN", 7, 1, 5, 0)]
    [InlineData("SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN", 7, 4, 7, 0)]
    [InlineData("SEKSI PRODUKTIFITAS TENAGA KERJA", 6, 1, 5, 0)]
    [InlineData("ADMINISTRASI UMUM", 5, 0, 5, 0)]
    [InlineData("SEKSI LEMBAGA PELATIHAN KERJA", 11, 3, 8, 0)]
    [InlineData("SEKSI PELATIHAN KERJA", 6, 2, 8, 0)]
    [InlineData("PENGADMINISTRASI UMUM", 7, 0, 7, 0)]
    [InlineData("PENGADMINISTRASI BARANG", 7, 0, 11, 1)]
    [InlineData("PENGADMINISTRASI KEUANGAN", 6, 0, 7, 0)]
    [InlineData("BENDAHARA", 7, 0, 5, 0)]
    [InlineData("PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI", 6, 0, 8, 0)]
    [InlineData("SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI", 13, 1, 12, 0)]
    [InlineData("PENGADMINISTRASI INFORMASI PASAR KERJA", 7, 0, 7, 3)]
    [InlineData("SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", 8, 1, 6, 3)]
    [InlineData("SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", 6, 3, 4, 1)]
    [InlineData("SEKSI KELEMBAGAAN TENAGA KERJA", 11, 9, 9, 0)]
    [InlineData("SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL", 9, 3, 7, 0)]
    [InlineData("SEKSI PERLUASAN KESEMPATAN KERJA", 13, 2, 11, 0)]
    public void Each_jabatan_has_the_documented_counts(string nama, int tugas, int fungsi, int rows, int rincian)
    {
        var j = Kb.Find(nama);
        Assert.NotNull(j);
        Assert.Equal(nama, j!.Nama);
        Assert.Equal(tugas, j.Tugas.Count);
        Assert.Equal(fungsi, j.Fungsi.Count);
        Assert.Equal(rows, j.Indikator.Count);
        Assert.Equal(rincian, j.Indikator.Sum(r => r.Rincian.Count));
    }

    [Fact]
    public void Totals_match_and_the_import_report_is_empty()
    {
        Assert.Equal(27, Kb.Jabatan.Count);
        Assert.Equal(178, Kb.Jabatan.Sum(j => j.Tugas.Count));
        Assert.Equal(96, Kb.Jabatan.Sum(j => j.Fungsi.Count));
        Assert.Equal(213, Kb.Jabatan.Sum(j => j.Indikator.Count));
        Assert.Equal(12, Kb.Jabatan.Sum(j => j.Indikator.Sum(r => r.Rincian.Count)));
        Assert.Empty(Kb.Report);
    }

    [Fact]
    public void Every_table_is_numbered_without_gaps()
    {
        foreach (var j in Kb.Jabatan)
            Assert.Equal(Enumerable.Range(1, j.Indikator.Count), j.Indikator.Select(r => r.No));
    }

    [Fact]
    public void Out_of_place_rows_land_in_seksi_penempatan_luar_negeri()
    {
        var seksi = Kb.Find("SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI")!;
        Assert.Equal("Jumlah Calon TKI yang direkrut", seksi.Indikator[2].Uraian);
        Assert.Equal("Jumlah Rekomendasi Paspor TKI", seksi.Indikator[5].Uraian);
        Assert.Equal("Penyelenggaraan pelayanan kepulauan Tenaga Kerja Indonesia", seksi.Indikator[11].Program);

        var pengadministrasi = Kb.Find("PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI")!;
        Assert.Equal("Penyiapan bahan penyelenggaraan pelayanan kepulangan TKI", pengadministrasi.Indikator[^1].Program);
    }

    [Fact]
    public void Texts_are_kept_as_written()
    {
        var kadis = Kb.Find("KEPALA DINAS")!;
        Assert.StartsWith("Membantu Bupati melaksanakan urusan pemerintahan", kadis.Tugas[0]);
        Assert.Equal("Perumusan kebijakan di bidang ketenagakerjaan", kadis.Fungsi[0]);

        var keuangan = Kb.Find("KEPALA SUB BAGIAN KEUANGAN")!;
        Assert.Equal(["1. LRA", "2. Neraca"], keuangan.Indikator[4].Rincian);
        Assert.Equal("Jumlah Dokumen yang dibuat", keuangan.Indikator[4].Uraian);

        var barang = Kb.Find("PENGADMINISTRASI BARANG")!;
        Assert.True(barang.Indikator[0].TidakTerukur);
        Assert.Equal("Melakukan pentastusahaan barang milik daerah.", barang.Tugas[2]);

        var umum = Kb.Find("PENGADMINISTRASI UMUM")!;
        Assert.All(umum.Indikator, r => Assert.True(r.TidakTerukur));

        var ipk = Kb.Find("PENGADMINISTRASI INFORMASI PASAR KERJA")!;
        Assert.Equal("Menginformasikan program kerja kegiatan seksi penempatan.", ipk.Tugas[0]);
        Assert.Equal(["- Tempat penyuluhan", "- ATK/Materai", "- Daftar Peserta"], ipk.Indikator[5].Rincian);
    }
}
