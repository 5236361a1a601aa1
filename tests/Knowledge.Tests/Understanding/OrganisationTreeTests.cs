using System.Text;
using Xunit.Abstractions;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>Issue 9 item 7: the whole organisation tree as read from the bundled document.</summary>
public class OrganisationTreeTests(ITestOutputHelper output)
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    private static string Tree(Organisation.StrukturOrganisasi struktur)
    {
        var text = new StringBuilder();
        void Walk(string nama, int depth)
        {
            text.Append(new string(' ', depth * 2)).Append(nama).Append('\n');
            foreach (var b in struktur.BawahanOf(nama)) Walk(b, depth + 1);
        }
        Walk("KEPALA DINAS", 0);
        return text.ToString();
    }

    [Fact]
    public void The_whole_tree_places_each_pengadministrasi_under_the_seksi_of_its_duties()
    {
        var tree = Tree(Knowledge.Struktur);
        output.WriteLine(tree);
        Assert.Equal(Expected.ReplaceLineEndings("\n"), tree);
    }

    [Fact]
    public void Struktur_atasan_still_overrides_the_duties()
    {
        var struktur = new Organisation.StrukturOrganisasi(Knowledge.Kb,
            new Dictionary<string, string> { ["PENGADMINISTRASI INFORMASI PASAR KERJA"] = "SEKRETARIS" });
        Assert.Equal("SEKRETARIS", struktur.AtasanOf("PENGADMINISTRASI INFORMASI PASAR KERJA"));
        Assert.DoesNotContain("PENGADMINISTRASI INFORMASI PASAR KERJA", struktur.AllUnder("KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA"));
    }

    // Before issue 9 the two PENGADMINISTRASI of the placement seksi (and ADMINISTRASI UMUM) sat under the Sekretaris.
    private const string Expected = """
        KEPALA DINAS
          SEKRETARIS
            KEPALA SUB BAGIAN PENYUSUNAN PROGRAM
            KEPALA SUB BAGIAN KEUANGAN
            KEPALA SUB BAGIAN KEPEGAWAIAN
            PENGADMINISTRASI UMUM
            PENGADMINISTRASI BARANG
            PENGADMINISTRASI KEUANGAN
            BENDAHARA
          KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA
            SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI
              PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI
            SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI
              PENGADMINISTRASI INFORMASI PASAR KERJA
            SEKSI PERLUASAN KESEMPATAN KERJA
          KEPALA BIDANG PENGEMBANGAN KETENAGAKERJAAN
            SEKSI MONITORING DAN EVALUASI KETENAGAKERJAAN
              ADMINISTRASI UMUM
            SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN
            SEKSI PRODUKTIFITAS TENAGA KERJA
          KEPALA BIDANG PELATIHAN TENAGA KERJA
            SEKSI LEMBAGA PELATIHAN KERJA
            SEKSI PELATIHAN KERJA
          KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK
            SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL
            SEKSI KELEMBAGAAN TENAGA KERJA
            SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL

        """;
}
