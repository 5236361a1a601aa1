using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Understanding;
using Xunit.Abstractions;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>The short forms derived from every jabatan's own name, listed, and each one understood as that jabatan.</summary>
public class NameFormsTests(ITestOutputHelper output)
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    [Fact]
    public void Every_jabatan_gets_its_forms_and_each_form_is_understood_as_that_jabatan()
    {
        var forms = Knowledge.Questions.Forms;
        var misses = new List<string>();
        foreach (var j in Knowledge.Kb.Jabatan)
        {
            var written = forms.FormsOf(j.Nama);
            output.WriteLine($"{j.Nama}: {string.Join(" | ", written)}");
            Assert.NotEmpty(written);
            foreach (var form in written)
            {
                var result = Knowledge.Questions.Interpret($"tugas {form}");
                if (result.Jabatan.FirstOrDefault()?.Nama != j.Nama) misses.Add($"{form} -> {result.Jabatan.FirstOrDefault()?.Nama}");
            }
        }
        foreach (var m in misses) output.WriteLine("MISS " + m);
        var total = Knowledge.Kb.Jabatan.Sum(j => forms.FormsOf(j.Nama).Count);
        Assert.True(misses.Count <= total / 20, $"{misses.Count} of {total} forms not understood");
    }

    [Theory]
    [InlineData("PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA", new[] { "ppkk", "p2kk", "pdpkk" })]
    [InlineData("PENEMPATAN TENAGA KERJA LUAR NEGERI", new[] { "ptkln" })]
    [InlineData("HUBUNGAN INDUSTRIAL & JAMSOSTEK", new[] { "hij", "hidj" })]
    [InlineData("PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", new[] { "pphi", "p2hi" })]
    public void Initialisms_come_from_the_units_own_words(string unit, string[] expected)
    {
        var got = NameForms.InitialismsOf(unit).ToList();
        Assert.All(expected, e => Assert.Contains(e, got));
    }

    [Theory]
    [InlineData("tugas kabid p2kk", "KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA")]
    [InlineData("indikator kasi ptk ln", "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    [InlineData("tugas staf ptkln", "PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    [InlineData("fungsi kasi pphi", "SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL")]
    [InlineData("tugas kasi datin", "SEKSI PENDATAAN DAN INFORMASI KETENAGAKERJAAN")]
    [InlineData("indikator kasi syaker", "SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL")]
    [InlineData("tugas kasubag kepeg", "KEPALA SUB BAGIAN KEPEGAWAIAN")]
    [InlineData("iku kasi ptkdn", "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI")]
    [InlineData("tugas kasi penempatan tk dlm negeri", "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI")]
    public void Short_forms_with_a_role_word_name_one_jabatan(string question, string jabatan)
    {
        var result = Knowledge.Questions.Interpret(question);
        Assert.False(result.NeedsChoice);
        Assert.Equal(jabatan, result.Jabatan[0].Nama);
    }

    [Theory]
    [InlineData("tugas kabid penta", "KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA")]
    [InlineData("tugas kasi perluasan kesempatan kerja", "SEKSI PERLUASAN KESEMPATAN KERJA")]
    [InlineData("tugas kasi penempatan tenaga kerja luar negeri", "SEKSI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    [InlineData("tugas staf penempatan tenaga kerja luar negeri", "PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI")]
    [InlineData("tugas kasubag keuangan", "KEPALA SUB BAGIAN KEUANGAN")]
    [InlineData("tugas staf keuangan", "PENGADMINISTRASI KEUANGAN")]
    public void Head_of_bidang_head_of_seksi_and_staff_of_a_unit_are_distinct(string question, string jabatan) =>
        Assert.Equal(jabatan, Knowledge.Questions.Interpret(question).Jabatan[0].Nama);
}

/// <summary>
/// A role word names the level ("kabid" is a KEPALA BIDANG), and a short form that is also the start of another name
/// word is read both ways ("jamsos": the Seksi Syarat Kerja, Upah dan Jaminan Sosial, or JAMSOSTEK).
/// </summary>
public class LevelAndShortFormTests
{
    private static readonly IkiKnowledge Knowledge = IkiKnowledge.LoadBundled();

    [Theory]
    [InlineData("indikatornya kabid hi jamsos apa", "KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK")]
    [InlineData("tugas kabid jamsos", "KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK")]
    [InlineData("tugas kasi jamsos", "SEKSI SYARAT KERJA, UPAH DAN JAMINAN SOSIAL")]
    [InlineData("tugas kabid hi", "KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK")]
    public void The_named_level_and_both_readings_of_a_short_form_decide(string question, string jabatan)
    {
        var interpretation = Knowledge.Ask(question).Interpretation;
        Assert.False(interpretation.NeedsChoice, string.Join(" / ", interpretation.Jabatan.Select(j => j.Nama)));
        Assert.Equal(jabatan, interpretation.Jabatan[0].Nama);
    }
}
