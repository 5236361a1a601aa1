using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Search;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Reporting;

/// <summary>One thing the message says ("pencaker", "PKWT"), with the ways the document may write it.</summary>
/// <param name="Alternatives">Each a list of stems that together stand for the word: ["pencaker"], ["cari", "kerja"].</param>
/// <param name="Weight">How much it tells about which row is meant (inverse row frequency).</param>
/// <param name="IsUnit">A unit after the value ("org", "dok"): counts for a row it fits, never against one.</param>
internal sealed record Concept(string Typed, IReadOnlyList<string[]> Alternatives, double Weight, bool IsUnit);

/// <summary>How well one row fits the message.</summary>
/// <param name="Coverage">Weighted share of the message's words found in the row (0..1).</param>
/// <param name="IndicatorCoverage">Weighted share of the row's indicator words the message says (0..1).</param>
/// <param name="MissesClearWord">The message has a distinctive word this row lacks: never stored without asking.</param>
/// <param name="AllFound">Every word of the message is in this row (in its indicator or its program).</param>
internal sealed record RowScore(Indikator Row, double Coverage, double IndicatorCoverage, bool MissesClearWord, bool AllFound = false)
{
    /// <summary>Coverage decides; saying all of a row's indicator text breaks ties between rows that share words.</summary>
    public double Score => Coverage + RowMatcher.IndicatorWeight * IndicatorCoverage;
}

/// <summary>
/// Scores a message against indicator rows, with the analysis the index uses: stems, the glossary's
/// abbreviations and synonyms (in the message and in the row text), and inverse row frequency over all
/// rows of the document. A word found in the indicator text (Uraian, Rincian) counts fully, one found only
/// in the Program counts <see cref="ProgramWeight"/>.
/// </summary>
internal sealed partial class RowMatcher
{
    public const double ProgramWeight = 0.7;
    public const double IndicatorWeight = 0.3;
    private const double SynonymDiscount = 0.95;
    private const double UnknownWordWeight = 1.0;
    private const double UnitWeight = 0.5;
    private const double ClearWordWeight = 2.0; // inverse row frequency of a word found in fewer than ~1 row in 8
    private const double MissedBelow = 0.3;

    /// <summary>Words that say "this is a report", not what was done.</summary>
    private static readonly HashSet<string> ReportWords =
    [
        "lapor", "melapor", "laporkan", "melaporkan", "dilaporkan", "realisasi", "realisasinya", "jumlah", "jml", "jmlh",
        "total", "totalnya", "sebanyak", "sejumlah", "banyaknya", "capaian", "capaiannya", "telah", "sdh", "sudah", "ada",
        "per", "sampai", "hingga", "sd", "selamat", "pagi", "siang", "sore", "malam", "assalamualaikum", "assalamu",
        "alaikum", "wr", "wb", "terima", "kasih", "makasih", "trims", "thanks", "thx", "ok", "oke", "okay", "update",
        "updet", "kak", "pak", "bu", "bapak", "ibu", "mas", "mbak", "admin", "min", "semuanya", "kurang", "lebih", "lbh",
        "kira", "sekitar", "hari", "ini", "itu", "tadi", "nih", "ya", "yah", "sebesar", "nilai", "angka",
        "bulan", "tahun", "tanggal", "periode", "kemarin", "lalu",
        // "sudah jadi 1 dokumen", "beres 3": that the work is done, not which work.
        "jadi", "beres", "rampung", "kelar", "tuntas",
    ];

    /// <summary>Function words the analyzer keeps; they say nothing about the row ("pembinaan kepada LPK").</summary>
    private static readonly HashSet<string> FunctionWords =
        ["kepada", "bagi", "terhadap", "secara", "melalui", "antara", "atas", "selaku", "maupun", "tiap", "setiap", "yg", "dll", "lain", "nihil"];

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]{1,}\b")]
    private static partial Regex Abbreviation();

    private readonly KnowledgeIndex _index;
    private readonly MessageReader _reader;
    private readonly Dictionary<string, double> _idf = [];
    private readonly ConcurrentDictionary<string, IReadOnlyList<RowTerms>> _rows = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _jumlah;
    private readonly HashSet<string> _functionStems;

    public RowMatcher(KnowledgeIndex index, MessageReader reader)
    {
        _index = index;
        _reader = reader;
        _jumlah = index.StemOf("jumlah") ?? "jumlah";
        _functionStems = [.. FunctionWords, .. FunctionWords.Select(index.StemOf).OfType<string>()];
        var all = index.Kb.Jabatan.SelectMany(j => j.Indikator).Select(BuildRow).ToList();
        var n = all.Count;
        foreach (var stem in all.SelectMany(r => r.Uraian.Concat(r.Program)).Distinct())
        {
            var df = all.Count(r => r.Uraian.Contains(stem) || r.Program.Contains(stem));
            _idf[stem] = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
        }
    }

    /// <summary>The stems of one row, per field.</summary>
    /// <param name="IndicatorLines">The stems of the indicator text and of each rincian line: each says on its own what is counted.</param>
    internal sealed record RowTerms(Indikator Row, HashSet<string> Uraian, HashSet<string> Program, List<List<string>> IndicatorLines);

    public IReadOnlyList<RowTerms> RowsOf(Jabatan jabatan) =>
        _rows.GetOrAdd(jabatan.Nama, _ => jabatan.Indikator.Select(BuildRow).ToList());

    public double Idf(string stem) => _idf.GetValueOrDefault(stem);

    /// <summary>The indicator text's stems in order of first use, without "jumlah": equal keys = twin rows.</summary>
    public string TwinKey(RowTerms row) => row.IndicatorLines.Count == 0 ? "" : string.Join(' ', row.IndicatorLines[0].Order());

    private RowTerms BuildRow(Indikator row)
    {
        var lines = new[] { row.Uraian }.Concat(row.Rincian).ToList();
        var indicatorLines = lines.Select(l => Stems(l).Where(s => s != _jumlah).Distinct().ToList()).Where(l => l.Count > 0).ToList();
        var uraian = new HashSet<string>(indicatorLines.SelectMany(l => l));
        foreach (var line in lines) uraian.UnionWith(ExpandedAbbreviations(line));
        var program = new HashSet<string>(Stems(row.Program));
        program.UnionWith(ExpandedAbbreviations(row.Program));
        program.Remove(_jumlah);
        return new RowTerms(row, uraian, program, indicatorLines);
    }

    private List<string> Stems(string text) =>
        AnalyzedTerms.Of(_index.StemAnalyzer, KnowledgeIndex.Isi, text).Where(s => !_functionStems.Contains(s)).ToList();

    /// <summary>Upper-case short forms in the document ("TKS", "LPK") also stand for their full words.</summary>
    private IEnumerable<string> ExpandedAbbreviations(string text)
    {
        foreach (Match m in Abbreviation().Matches(text))
            if (Glossary.Expansions.TryGetValue(m.Value.ToLowerInvariant(), out var expansion))
                foreach (var stem in Stems(expansion))
                    yield return stem;
    }

    /// <summary>The concepts of a message: each typed word with its expansions, report words and stop words left out.</summary>
    public List<Concept> ConceptsOf(IEnumerable<string> content, IEnumerable<string> units)
    {
        var concepts = Read(string.Join(' ', content), isUnit: false);
        concepts.AddRange(Read(string.Join(' ', units), isUnit: true));
        if (concepts.Count > 0 && concepts.All(c => c.IsUnit))
            concepts = concepts.Select(c => c with { IsUnit = false }).ToList(); // "dokumen 5": the unit is all there is
        return concepts;
    }

    private List<Concept> Read(string text, bool isUnit)
    {
        var concepts = new List<Concept>();
        if (string.IsNullOrWhiteSpace(text)) return concepts;
        var words = _reader.Read(text).Words;
        var seen = new HashSet<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var typed = words[i];
            if (typed.FromExpansion) continue;
            var expansions = new List<MessageWord>();
            for (var j = i + 1; j < words.Count && words[j].FromExpansion; j++) expansions.Add(words[j]);
            if (IsNoise(typed.Text) || IsNoise(typed.Typed)) continue;
            var alternatives = new List<string[]>();
            if (typed.Stem is not null) alternatives.Add([typed.Stem]);
            var phrase = new List<string>();
            var typedInExpansion = Glossary.Expansions.TryGetValue(typed.Text, out var expansion) && expansion.Split(' ').Contains(typed.Text);
            foreach (var e in expansions)
            {
                if (e.Stem is null) continue;
                // "tki" in the expansion of "pmi" is a synonym by itself; "surat" in that of "spj" is only part of the phrase.
                var synonym = Glossary.Expansions.TryGetValue(e.Text, out var own) && own != e.Text;
                if (synonym || EditDistance.Between(e.Text, typed.Text, 2) <= 2) alternatives.Add([e.Stem]);
                else if (!phrase.Contains(e.Stem)) phrase.Add(e.Stem);
            }
            // "mediator" → "mediator perselisihan": one word added beside the typed one is a topic hint, not a synonym.
            if (phrase.Count > 1 || phrase.Count == 1 && !typedInExpansion) alternatives.Add([.. phrase]);
            if (alternatives.Count == 0) continue;
            var key = string.Join('|', alternatives.Select(a => string.Join(' ', a)));
            if (!seen.Add(key)) continue;
            concepts.Add(new Concept(typed.Typed, alternatives, WeightOf(alternatives), isUnit));
        }
        return concepts;
    }

    private static bool IsNoise(string word) =>
        Glossary.StopWords.Contains(word) || ReportWords.Contains(word) || FunctionWords.Contains(word) || Glossary.LevelWords.Contains(word);

    private double WeightOf(List<string[]> alternatives)
    {
        var best = 0.0;
        foreach (var alt in alternatives)
        {
            var known = alt.Where(_idf.ContainsKey).ToList();
            if (known.Count == 0) continue;
            best = Math.Max(best, known.Average(s => _idf[s]) * known.Count / alt.Length);
        }
        return best > 0 ? best : UnknownWordWeight;
    }

    public List<RowScore> Score(IReadOnlyList<RowTerms> rows, IReadOnlyList<Concept> concepts)
    {
        var said = concepts.SelectMany(c => c.Alternatives).SelectMany(a => a).ToHashSet();
        var total = TotalWeight(concepts);
        var scores = new List<RowScore>(rows.Count);
        foreach (var row in rows)
        {
            var indicatorCoverage = 0.0;
            foreach (var line in row.IndicatorLines)
            {
                var lineWeight = 0.0;
                var lineFound = 0.0;
                foreach (var t in line)
                {
                    var w = Math.Max(Idf(t), 0.1);
                    lineWeight += w;
                    if (said.Contains(t)) lineFound += w;
                }
                indicatorCoverage = Math.Max(indicatorCoverage, lineFound / lineWeight);
            }
            scores.Add(new RowScore(row.Row, Coverage(row, concepts, total), indicatorCoverage, MissesClearWord(concepts, row), AllFound(concepts, row)));
        }
        return scores;
    }

    public static double TotalWeight(IReadOnlyList<Concept> concepts)
    {
        var total = 0.0;
        foreach (var c in concepts) if (!c.IsUnit) total += c.Weight;
        return total;
    }

    /// <summary>Weighted share of the message's words found in the row (0..1); units only add.</summary>
    public double Coverage(RowTerms row, IReadOnlyList<Concept> concepts, double total)
    {
        if (total <= 0) return 0;
        var found = 0.0;
        foreach (var c in concepts)
        {
            var m = MatchOf(c, row);
            found += c.IsUnit ? UnitWeight * c.Weight * m : c.Weight * m;
        }
        return Math.Min(1.0, found / total);
    }

    /// <summary>Every row of the document with its jabatan, for "whose indicator is this, then?".</summary>
    public IReadOnlyList<(string Jabatan, RowTerms Row)> AllRows => _allRows ??=
        _index.Kb.Jabatan.SelectMany(j => RowsOf(j).Select(r => (j.Nama, r))).ToList();

    private IReadOnlyList<(string, RowTerms)>? _allRows;

    /// <summary>
    /// Whether the message has a clear word (not a common one) that <paramref name="chosen"/> has in full and
    /// <paramref name="other"/> lacks entirely: "bimbingan jabatan" tells row 4 of PENGADMINISTRASI INFORMASI
    /// PASAR KERJA from row 2, though both count "Jumlah Pencaker yang dilayani".
    /// </summary>
    public bool TellsApart(IReadOnlyList<Concept> concepts, RowTerms chosen, RowTerms other)
    {
        foreach (var c in concepts)
            if (!c.IsUnit && c.Weight >= ClearWordWeight && MatchOf(c, chosen) >= ProgramWeight * SynonymDiscount && MatchOf(c, other) == 0)
                return true;
        return false;
    }

    /// <summary>Every non-unit concept of the message is found in the row, at least in its program.</summary>
    public bool AllFound(IReadOnlyList<Concept> concepts, RowTerms row)
    {
        var any = false;
        foreach (var c in concepts)
        {
            if (c.IsUnit) continue;
            any = true;
            if (MatchOf(c, row) < ProgramWeight * SynonymDiscount) return false;
        }
        return any;
    }

    /// <summary>A clear word of the message (not a common one) that the row does not have at all.</summary>
    public bool MissesClearWord(IReadOnlyList<Concept> concepts, RowTerms row)
    {
        foreach (var c in concepts)
            if (!c.IsUnit && c.Weight >= ClearWordWeight && MatchOf(c, row) < MissedBelow) return true;
        return false;
    }

    /// <summary>
    /// How well one concept is found in a row (0..1): its best alternative, each word counted by its inverse row
    /// frequency, so that "kerja" alone does not stand for "pencari kerja".
    /// </summary>
    private double MatchOf(Concept c, RowTerms row)
    {
        var best = 0.0;
        for (var a = 0; a < c.Alternatives.Count; a++)
        {
            var alt = c.Alternatives[a];
            double sum = 0, weight = 0;
            foreach (var stem in alt)
            {
                var w = alt.Length == 1 ? 1.0 : Math.Max(Idf(stem), 0.1);
                weight += w;
                sum += w * (row.Uraian.Contains(stem) ? 1.0 : row.Program.Contains(stem) ? ProgramWeight : 0);
            }
            var m = sum / weight * (a == 0 ? 1.0 : SynonymDiscount);
            best = Math.Max(best, m);
        }
        return best;
    }
}
