using IkiBot.Knowledge.Organisation;

namespace IkiBot.Knowledge.Tests.Understanding;

/// <summary>Issue 13: a document of several offices (the bundled one copied, "WILAYAH 001".."003") gets each office's own tree.</summary>
public class ScaledOrganisationTests
{
    private static readonly IkiKnowledge Bundled = IkiKnowledge.LoadBundled();

    [Fact]
    public void Each_copy_reports_to_its_own_heads_as_in_the_bundled_tree()
    {
        var scaled = ScaledDocument.Of(Bundled.Kb, 3);
        var struktur = new StrukturOrganisasi(scaled);
        Assert.Equal(81, scaled.Jabatan.Count);
        for (var copy = 1; copy <= 3; copy++)
        {
            var suffix = ScaledDocument.Suffix(copy);
            foreach (var j in Bundled.Kb.Jabatan)
                Assert.Equal(Bundled.Struktur.AtasanOf(j.Nama) is { } atasan ? atasan + suffix : null, struktur.AtasanOf(j.Nama + suffix));
            Assert.Equal(26, struktur.AllUnder(StrukturOrganisasi.KepalaDinas + suffix).Count);
        }
    }

    [Fact]
    public void The_list_of_a_scaled_document_names_every_jabatan_once()
    {
        var scaled = ScaledDocument.Of(Bundled.Kb, 3);
        var answers = new Answers.AnswerWriter(scaled, new StrukturOrganisasi(scaled));
        var text = answers.Daftar().Text;
        foreach (var j in scaled.Jabatan)
            Assert.Single(text.Split('\n'), line => line.TrimStart('•', '–', ' ') == j.Nama);
    }
}
