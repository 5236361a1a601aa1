using IkiBot.Knowledge.Search;

namespace IkiBot.Knowledge.Tests.Language;

/// <summary>
/// A root written with different affixes is one term, so a question in one form finds the document's other form
/// ("siapa yang menerbitkan izin" finds "Penerbitan perizinan ...").
/// </summary>
public class RootTests
{
    private static readonly KnowledgeIndex Index = IkiKnowledge.LoadBundled().Current.Index;

    [Theory]
    [InlineData("menerbitkan", "penerbitan", "diterbitkan")]
    [InlineData("mengelola", "pengelolaan", "kelola", "dikelola")]
    [InlineData("perizinan", "izin")]
    [InlineData("mengumpulkan", "pengumpulan", "kumpul")]
    [InlineData("pemantauan", "pantau")]
    [InlineData("mengembangkan", "pengembangan", "berkembang")]
    public void Forms_of_one_root_are_one_term(params string[] forms)
    {
        var stems = forms.Select(f => Index.StemOf(f)).ToList();
        Assert.True(stems.Distinct().Count() == 1, string.Join(", ", forms.Zip(stems, (f, s) => $"{f} -> {s}")));
    }

    [Theory]
    [InlineData("menetapkan", "mengajukan")]
    [InlineData("kesempatan", "kelola")]
    [InlineData("pelatihan", "pelayanan")]
    public void Different_roots_stay_apart(string a, string b) => Assert.NotEqual(Index.StemOf(a), Index.StemOf(b));
}
