using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>Issue 10: first person, negation, intent words, list requests, situations, out-of-scope and small talk.</summary>
public class StaffPhrasingTests
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    [Theory]
    [InlineData("saya kasi kelembagaan, tugas saya apa", Intent.Tugas, "SEKSI KELEMBAGAAN TENAGA KERJA")]
    [InlineData("aku bendahara, indikatorku apa aja", Intent.Indikator, "BENDAHARA")]
    [InlineData("bukan kasi phi tapi kasi syarat kerja, tugasnya apa", Intent.Tugas, "SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL")]
    [InlineData("bukan kadis, tapi sekdin, fungsinya apa", Intent.Fungsi, "SEKRETARIS")]
    [InlineData("selain kasi penempatan luar negeri, tugas kasi penempatan dalam negeri apa", Intent.Tugas, "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI")]
    public void First_person_and_negation(string question, Intent intent, string jabatan)
    {
        var result = Knowledge.Questions.Interpret(question);
        Assert.Equal(intent, result.Intent);
        Assert.Equal(jabatan, result.Jabatan[0].Nama);
    }

    [Theory]
    [InlineData("kpi kasi pkk", Intent.Indikator)]
    [InlineData("kasubag kepegawaian dinilai dari apa", Intent.Indikator)]
    [InlineData("apa yg harus dilaporkan bendahara", Intent.Indikator)]
    [InlineData("target kinerja kabid pelatihan", Intent.Indikator)]
    [InlineData("indikator kasi tki", Intent.Indikator)]
    [InlineData("uraian fungsi sekretaris", Intent.Fungsi)]
    [InlineData("uraian tugas sekretaris", Intent.Tugas)]
    [InlineData("pencatatan pkwt tanggung jawab siapa", Intent.Siapa)]
    [InlineData("pelatihan berbasis kompetensi dipegang siapa", Intent.Siapa)]
    public void Intent_words_beyond_the_dev_set(string question, Intent intent) =>
        Assert.Equal(intent, Knowledge.Questions.Interpret(question).Intent);

    [Theory]
    [InlineData("semua seksi apa saja")]
    [InlineData("bidang-bidang di dinas apa aja")]
    [InlineData("list all jabatan please")]
    [InlineData("siapa aja yang punya IKI")]
    [InlineData("daftar kabid dan kasi")]
    public void List_requests_in_many_phrasings(string question) =>
        Assert.Equal(Intent.Daftar, Knowledge.Questions.Interpret(question).Intent);

    [Theory]
    [InlineData("pekerja di-PHK sepihak, lapor ke mana", "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    [InlineData("karyawan pabrik mau demo, siapa yg nangani", "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    [InlineData("perusahaan mau bikin pameran bursa kerja, izinnya ke siapa", "SEKSI PERLUASAN KESEMPATAN KERJA")]
    [InlineData("tetangga mau kerja di luar negeri, ngurusnya ke siapa", "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    public void Situations_in_everyday_words_reach_the_duty_that_handles_them(string question, string jabatan)
    {
        var result = Knowledge.Questions.Interpret(question);
        Assert.Equal(Intent.Siapa, result.Intent);
        Assert.Contains(jabatan, result.Jabatan.Take(2).Select(j => j.Nama));
    }

    [Fact]
    public void Every_situation_word_leads_to_words_of_the_document()
    {
        foreach (var (word, targets) in Situations.Words)
            Assert.True(targets.Split(' ').Any(t => Knowledge.Index.WordFrequency.ContainsKey(t) || Glossary.Expansions.ContainsKey(t)),
                $"{word} -> {targets}: none of these is in the document");
    }

    [Theory]
    [InlineData("gaji kabid hi berapa", SmallTalk.OutOfScope)]
    [InlineData("jam buka kantor disnaker", SmallTalk.OutOfScope)]
    [InlineData("cuaca besok hujan gak", SmallTalk.OutOfScope)]
    [InlineData("halo selamat siang", SmallTalk.Greeting)]
    [InlineData("makasih ya min", SmallTalk.Thanks)]
    [InlineData("apa itu IKI", SmallTalk.AboutIki)]
    public void Outside_the_document_and_small_talk_get_a_short_proper_answer(string question, SmallTalk kind)
    {
        var (interpretation, answer) = Knowledge.Ask(question);
        Assert.Equal(Intent.Unknown, interpretation.Intent);
        Assert.Equal(kind, interpretation.SmallTalk);
        Assert.Empty(interpretation.Jabatan);
        Assert.DoesNotContain("Tugas ", answer.Text);
        if (kind == SmallTalk.OutOfScope) Assert.Contains("di luar isi dokumen IKI", answer.Text);
        if (kind == SmallTalk.AboutIki) Assert.Contains("Indikator Kinerja Individu", answer.Text);
    }
}
