using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>Phrasings not in the dev set: abbreviations, typos, word order, near-twins, hostile input.</summary>
public class QuestionUnderstandingTests
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    [Theory]
    [InlineData("apa tugas Seksi PHI?", Intent.Tugas, "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    [InlineData("indikator kasubag keuangan", Intent.Indikator, "KEPALA SUB BAGIAN KEUANGAN")]
    [InlineData("keuangan kasubbag tugasnya", Intent.Tugas, "KEPALA SUB BAGIAN KEUANGAN")]
    [InlineData("iku sekdis", Intent.Indikator, "SEKRETARIS")]
    [InlineData("kadis fungsinya apa", Intent.Fungsi, "KEPALA DINAS")]
    [InlineData("tugas kabid hi", Intent.Tugas, "KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK")]
    [InlineData("tugas kabid penta", Intent.Tugas, "KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA")]
    [InlineData("jobdesk kasi pendataan ketenagakerjan", Intent.Tugas, "SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN")]
    [InlineData("tugs seksi monev", Intent.Tugas, "SEKSI MONITORING DAN EVALUASI KETENAGAKERJAAN")]
    [InlineData("fungsi seksi penyelesaian perselisihn hubungan industrial", Intent.Fungsi, "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    [InlineData("siapa yg ngurus IMTA?", Intent.Siapa, "SEKSI PERLUASAN KESEMPATAN KERJA")]
    [InlineData("yg bikin LRA dan neraca siapa", Intent.Siapa, "KEPALA SUB BAGIAN KEUANGAN")]
    [InlineData("pencatatan pkwt ke bagian mana", Intent.Siapa, "SEKSI KELEMBAGAAN TENAGA KERJA")]
    [InlineData("perselisihan hubungan industrial tugas siapa", Intent.Siapa, "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    [InlineData("job fair swasta izinnya ke mana", Intent.Siapa, "SEKSI PERLUASAN KESEMPATAN KERJA")]
    public void Understands_everyday_phrasings(string question, Intent intent, string jabatan)
    {
        var result = Knowledge.Questions.Interpret(question);
        Assert.Equal(intent, result.Intent);
        Assert.False(result.NeedsChoice);
        Assert.Equal(jabatan, result.Jabatan[0].Nama);
    }

    [Theory]
    [InlineData("tugas seksi pelatihan kerja", "SEKSI PELATIHAN KERJA")]
    [InlineData("tugas seksi lembaga pelatihan kerja", "SEKSI LEMBAGA PELATIHAN KERJA")]
    [InlineData("fungsi seksi LPK", "SEKSI LEMBAGA PELATIHAN KERJA")]
    [InlineData("tugas administrasi umum", "ADMINISTRASI UMUM")]
    [InlineData("tugas pengadministrasi umum", "PENGADMINISTRASI UMUM")]
    [InlineData("kasi penempatan tk luar negeri", "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    [InlineData("pengadministrasi penempatan TK LN", "PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    public void Near_twins_come_out_right(string question, string jabatan)
    {
        var result = Knowledge.Questions.Interpret(question);
        Assert.False(result.NeedsChoice);
        Assert.Equal(jabatan, result.Jabatan[0].Nama);
    }

    [Theory]
    [InlineData("tugas penempatan tenaga kerja luar negeri", "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI", "PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    [InlineData("seksi penempatan", "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI", "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI")]
    public void Ambiguous_names_are_asked_back(string question, params string[] choices)
    {
        var result = Knowledge.Questions.Interpret(question);
        Assert.True(result.NeedsChoice);
        Assert.True(result.Jabatan.Count <= 3);
        foreach (var c in choices) Assert.Contains(c, result.Jabatan.Select(j => j.Nama));
        var (_, answer) = Knowledge.Ask(question);
        Assert.StartsWith("Maksud Anda", answer.Text);
        Assert.Equal(result.Jabatan.Count, answer.Choices.Count);
    }

    [Theory]
    [InlineData("daftar jabatan")]
    [InlineData("struktur organisasi disnaker")]
    [InlineData("jabatan apa saja yg ada")]
    public void Lists_all_jabatan(string question) =>
        Assert.Equal(Intent.Daftar, Knowledge.Questions.Interpret(question).Intent);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*:* AND (")]
    [InlineData("~^\"")]
    [InlineData("title:foo^3 OR bar~2 AND \"")]
    [InlineData("😀😀😀")]
    [InlineData("'; DROP TABLE realisasi; --")]
    [InlineData("halo")]
    [InlineData("kasi")]
    public void Hostile_or_empty_input_gets_help_not_an_exception(string question)
    {
        var (interpretation, answer) = Knowledge.Ask(question);
        Assert.Equal(Intent.Unknown, interpretation.Intent);
        Assert.Contains("Contoh", answer.Text);
    }

    [Fact]
    public void A_huge_message_does_not_throw()
    {
        var huge = string.Concat(Enumerable.Repeat("tugas kasi phi ", 700));
        var (interpretation, _) = Knowledge.Ask(huge);
        Assert.Equal("SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", interpretation.Jabatan[0].Nama);
    }

    [Fact]
    public void Every_answer_names_its_jabatan()
    {
        foreach (var j in Knowledge.Kb.Jabatan)
        {
            var (_, answer) = Knowledge.AskAbout(Intent.Indikator, j.Nama);
            Assert.Contains(j.Nama, answer.Text);
            foreach (var row in j.Indikator) Assert.Contains(row.Program, answer.Text);
        }
        var (_, siapa) = Knowledge.Ask("siapa yg ngurus IMTA?");
        Assert.Contains("SEKSI PERLUASAN KESEMPATAN KERJA", siapa.Text);
    }
}
