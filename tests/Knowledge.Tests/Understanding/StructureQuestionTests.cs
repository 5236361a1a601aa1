using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>
/// "siapa atasan kasi PHI", "kasi syaker bertanggung jawab ke siapa", "bawahan kabid HI": answered from the organisation
/// tree. Before, they went to the topic search and named whoever had "atasan" or "tanggung jawab" in a duty (BENDAHARA).
/// </summary>
public class StructureQuestionTests
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    [Theory]
    [InlineData("siapa atasan kasi phi", "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    [InlineData("kasi syaker bertanggung jawab ke siapa", "SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL")]
    [InlineData("atasan langsung bendahara", "BENDAHARA")]
    [InlineData("sekretaris di bawah siapa", "SEKRETARIS")]
    [InlineData("pimpinan kasubag keuangan siapa ya", "KEPALA SUB BAGIAN KEUANGAN")]
    public void The_atasan_of_a_named_jabatan_comes_from_the_tree(string question, string jabatan)
    {
        var (interpretation, answer) = Knowledge.Ask(question);
        Assert.Equal(Intent.Atasan, interpretation.Intent);
        Assert.Equal(jabatan, Assert.Single(interpretation.Jabatan).Nama);
        Assert.Contains($"Atasan langsung: {Knowledge.Struktur.AtasanOf(jabatan)}", answer.Text);
    }

    [Theory]
    [InlineData("bawahan kabid HI siapa saja", "KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK")]
    [InlineData("kadis membawahi siapa aja", "KEPALA DINAS")]
    public void The_jabatan_under_a_head_are_listed(string question, string jabatan)
    {
        var answer = Knowledge.Ask(question).Answer.Text;
        var bawahan = Knowledge.Struktur.BawahanOf(jabatan);
        Assert.NotEmpty(bawahan);
        Assert.All(bawahan, b => Assert.Contains("• " + b, answer));
    }

    [Fact]
    public void Who_holds_a_jabatan_says_the_document_names_no_one()
    {
        var (interpretation, answer) = Knowledge.Ask("siapa kepala dinas");
        Assert.Equal("KEPALA DINAS", Assert.Single(interpretation.Jabatan).Nama);
        Assert.Contains("Nama pejabat tidak tercantum dalam dokumen IKI", answer.Text);
        Assert.Contains("jabatan tertinggi", answer.Text);
    }

    [Theory]
    [InlineData("atasan saya siapa")]
    [InlineData("atasan kasi")]
    [InlineData("atasan -1")]
    [InlineData("atasan 😀😀")]
    public void Without_a_clear_jabatan_the_bot_asks_for_it(string question)
    {
        var (interpretation, answer) = Knowledge.Ask(question);
        Assert.Equal(Intent.Atasan, interpretation.Intent);
        Assert.True(interpretation.Jabatan.Count == 0 || interpretation.NeedsChoice);
        Assert.DoesNotContain("Yang menangani", answer.Text);
    }

    [Theory]
    [InlineData("tanggung jawab siapa soal upah minimum", Intent.Siapa)]
    [InlineData("yang pegang perselisihan hubungan siapa", Intent.Siapa)]
    [InlineData("warga pengen ikut pelatihan kerja, hubungi seksi mana", Intent.Siapa)]
    [InlineData("fungsi pimpinan dinas apa aja ya", Intent.Fungsi)]
    public void Questions_about_a_duty_stay_duty_questions(string question, Intent intent) =>
        Assert.Equal(intent, Knowledge.Ask(question).Interpretation.Intent);

    [Fact]
    public void A_complaint_is_not_read_as_procurement()
    {
        var (interpretation, _) = Knowledge.Ask("siapa yg urus pengaduan pekerja di phk");
        Assert.Equal("SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", interpretation.Jabatan[0].Nama);
    }

    [Fact]
    public void An_unclear_name_is_asked_back_and_each_choice_answers_the_atasan_question()
    {
        var (interpretation, answer) = Knowledge.Ask("atasan kasi penempatan siapa");
        Assert.True(interpretation.NeedsChoice, answer.Text);
        Assert.True(answer.Choices.Count >= 2);
        foreach (var choice in answer.Choices)
        {
            var (again, text) = Knowledge.Ask(choice.Payload);
            Assert.Equal(Intent.Atasan, again.Intent);
            Assert.Equal(choice.Label, Assert.Single(again.Jabatan).Nama);
            Assert.Contains($"Atasan langsung: {Knowledge.Struktur.AtasanOf(choice.Label)}", text.Text);
        }
    }
}
