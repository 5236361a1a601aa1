using IkiBot.Knowledge.Answers;

namespace IkiBot.Knowledge.Tests.Understanding;

public class OrganisationTests
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    [Theory]
    [InlineData("SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", "KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK")]
    [InlineData("SEKSI PELATIHAN KERJA", "KEPALA BIDANG PELATIHAN TENAGA KERJA")]
    [InlineData("SEKSI LEMBAGA PELATIHAN KERJA", "KEPALA BIDANG PELATIHAN TENAGA KERJA")]
    [InlineData("SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", "KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA")]
    [InlineData("SEKSI MONITORING DAN EVALUASI KETENAGAKERJAAN", "KEPALA BIDANG PENGEMBANGAN KETENAGAKERJAAN")]
    [InlineData("KEPALA SUB BAGIAN KEUANGAN", "SEKRETARIS")]
    [InlineData("KEPALA BIDANG PELATIHAN TENAGA KERJA", "KEPALA DINAS")]
    [InlineData("SEKRETARIS", "KEPALA DINAS")]
    [InlineData("BENDAHARA", "SEKRETARIS")]
    public void Atasan_is_read_from_the_document(string jabatan, string atasan) =>
        Assert.Equal(atasan, Knowledge.Struktur.AtasanOf(jabatan));

    [Fact]
    public void Kepala_dinas_has_no_atasan_and_everyone_is_under_it() =>
        Assert.Equal(26, Knowledge.Struktur.AllUnder("KEPALA DINAS").Count);

    [Fact]
    public void Long_answers_split_at_line_boundaries()
    {
        var text = string.Join("\n", Enumerable.Range(1, 500).Select(i => $"{i}. baris jawaban yang cukup panjang"));
        var parts = MessageSplitter.Split(text, 4000);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= 4000));
        Assert.Equal(text, string.Join("\n", parts));
    }
}
