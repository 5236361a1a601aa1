using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace IkiBot.Knowledge.Language;

/// <summary>
/// Indonesian analysis for the document and for chat messages: lower-casing, stop words and,
/// when <c>stem</c> is set, the Indonesian stemmer with names and short forms protected from it and the roots it
/// mangles restored from the document (<see cref="RootLexicon"/>).
/// </summary>
public sealed class IkiAnalyzer(bool stem, RootLexicon? roots = null) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // The stemmer mangles these ("kepala" -> "pala", "pegawai" -> "gawa", "pencaker" -> "caker"):
    // pin each to the form both the document and the staff use.
    private static readonly StemmerOverrideFilter.StemmerOverrideMap Overrides = BuildOverrides(new Dictionary<string, string>
    {
        ["kepala"] = "kepala", ["pegawai"] = "pegawai", ["kepegawaian"] = "pegawai",
        ["pencaker"] = "pencaker", ["mediasi"] = "mediasi", ["mediator"] = "mediator",
        ["pengawas"] = "awas", ["perempuan"] = "perempuan", ["pelaku"] = "pelaku", ["berita"] = "berita",
        ["meneliti"] = "teliti", ["diteliti"] = "teliti", ["penelitian"] = "teliti", ["teliti"] = "teliti",
        ["mengerjakan"] = "kerja", ["dikerjakan"] = "kerja", ["pekerjaan"] = "kerja", ["kerjaan"] = "kerja",
        ["pengetikan"] = "ketik", ["diketik"] = "ketik", ["mengetik"] = "ketik", ["ketik"] = "ketik", ["ngetik"] = "ketik",
        ["pengerah"] = "kerah", ["tercapainya"] = "capai", ["pemberiaan"] = "beri", ["perusahaan"] = "usaha",
        ["pengusaha"] = "usaha", ["pendirian"] = "diri", ["pengadaan"] = "ada", ["pengadilan"] = "adil",
        ["penyeteron"] = "setor", ["penyeteroran"] = "setor", ["penyetor"] = "setor", ["setor"] = "setor",
        ["pengesahan"] = "sah", ["disahkan"] = "sah", ["mengesahkan"] = "sah", ["sahkan"] = "sah",
        ["pengeset"] = "set", ["mengeset"] = "set", ["diset"] = "set",
        ["pelayanan"] = "layan", ["dilayani"] = "layan", ["melayani"] = "layan", ["layani"] = "layan", ["layanan"] = "layan",
        ["kepulangan"] = "pulang", ["pulang"] = "pulang", ["kepulauan"] = "pulang",
        ["ketransmigrasian"] = "transmigrasi", ["transmigrasi"] = "transmigrasi",
        ["produktifitas"] = "produktif", ["produktivitas"] = "produktif",
        ["mempekerjakan"] = "pekerja", ["memperkerjakan"] = "pekerja",
        ["pameran"] = "pamer", ["rekomendasi"] = "rekomendasi", ["direkomendasikan"] = "rekomendasi",
        ["rekom"] = "rekomendasi",
        // "-lah" is read as a particle: "mengolah" -> "mengo", "diolah" -> "dio".
        ["mengolah"] = "olah", ["diolah"] = "olah", ["pengolahan"] = "olah", ["olah"] = "olah", ["ngolah"] = "olah",
        ["jumlah"] = "jumlah", ["telah"] = "telah", ["sekolah"] = "sekolah",
    });

    private static readonly CharArraySet Protected = new(Version, Glossary.Expansions.Keys.ToList(), ignoreCase: true);

    private static readonly CharArraySet Stops = new(Version, Glossary.StopWords.ToList(), ignoreCase: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new LowerCaseFilter(Version, source);
        result = new StopFilter(Version, result, Stops);
        if (stem)
        {
            result = new StemmerOverrideFilter(result, Overrides);
            result = new SetKeywordMarkerFilter(result, Protected);
            result = new IndonesianRootFilter(result, roots ?? RootLexicon.None);
        }
        return new TokenStreamComponents(source, result);
    }

    private static StemmerOverrideFilter.StemmerOverrideMap BuildOverrides(Dictionary<string, string> map)
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: true);
        foreach (var (word, stemmed) in map) builder.Add(word, stemmed);
        return builder.Build();
    }
}
