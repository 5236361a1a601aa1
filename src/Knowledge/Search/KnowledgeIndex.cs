using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace IkiBot.Knowledge.Search;

/// <summary>
/// The Lucene index of the document's passages, in memory: one stemmed field, searched by term queries. Each distinct
/// text is one Lucene document (offices share most of their duties word for word), scored with per-passage statistics
/// and answered as every passage that holds it. The unstemmed words (for typo correction against the document's own
/// words) are counted beside it, not indexed.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    public const string Isi = "isi";
    private const string IdField = "id";

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<Passage> _passages = [];
    private readonly HashSet<string> _stems = [];
    private readonly Dictionary<string, int> _wordFrequency = [];
    private readonly List<int[]> _passagesOfText = [];
    private readonly int[] _docToText;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _stemCache = new();

    public KnowledgeIndex(KnowledgeBase kb)
    {
        Kb = kb;
        RawAnalyzer = new IkiAnalyzer(stem: false);
        var texts = new Dictionary<string, List<int>>();
        foreach (var jabatan in kb.Jabatan)
            foreach (var passage in PassagesOf(jabatan))
            {
                if (!texts.TryGetValue(passage.Text, out var holders)) texts[passage.Text] = holders = [];
                holders.Add(passage.Id);
            }
        CountWords();
        StemAnalyzer = new IkiAnalyzer(stem: true, RootsOf(_wordFrequency.Keys));
        // One flush at commit (no intermediate segments to merge); only the stemmed field is searched.
        var config = new IndexWriterConfig(IkiAnalyzer.Version, StemAnalyzer)
            { Similarity = new BM25Similarity(), RAMBufferSizeMB = 512, UseCompoundFile = false };
        var statistics = new PassageStatistics();
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (text, holders) in texts)
            {
                var terms = AnalyzedTerms.Of(StemAnalyzer, Isi, text);
                statistics.Add(terms, holders.Count);
                writer.AddDocument(ToDocument(_passagesOfText.Count, terms));
                _passagesOfText.Add([.. holders]);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new PassageSearcher(_reader, statistics) { Similarity = new BM25Similarity() };
        _docToText = new int[_reader.MaxDoc];
        foreach (var leaf in _reader.Leaves)
        {
            var ids = leaf.AtomicReader.GetNumericDocValues(IdField);
            for (var d = 0; d < leaf.AtomicReader.MaxDoc; d++) _docToText[leaf.DocBase + d] = (int)ids.Get(d);
        }
        CollectStems();
    }

    public KnowledgeBase Kb { get; }
    public Analyzer StemAnalyzer { get; }
    public Analyzer RawAnalyzer { get; }
    public IReadOnlyList<Passage> Passages => _passages;

    /// <summary>Unstemmed words of the document with how often they occur.</summary>
    public IReadOnlyDictionary<string, int> WordFrequency => _wordFrequency;

    public bool HasStem(string stem) => _stems.Contains(stem);

    public string? StemOf(string word)
    {
        if (_stemCache.Count > 100_000) _stemCache.Clear(); // user text is unbounded; the cache must not be
        return _stemCache.GetOrAdd(word, w => AnalyzedTerms.Of(StemAnalyzer, Isi, w).FirstOrDefault() ?? "") is { Length: > 0 } s ? s : null;
    }

    /// <summary>The best <paramref name="max"/> passages, best first; equal scores in document order.</summary>
    public IReadOnlyList<PassageHit> Search(Query query, int max = 500)
    {
        var matches = new AllMatches();
        _searcher.Search(query, matches);
        var hits = new List<PassageHit>(max + 64);
        // Texts come best first, so once max passages are in hand only texts tied with the last one can still enter.
        foreach (var (doc, score) in matches.Ranked())
        {
            if (hits.Count >= max && score < hits[^1].Score) break;
            foreach (var id in _passagesOfText[_docToText[doc]]) hits.Add(new PassageHit(_passages[id], score));
        }
        hits.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Passage.Id.CompareTo(b.Passage.Id));
        return hits.Count > max ? hits.GetRange(0, max) : hits;
    }

    /// <summary>The roots the document attests, from each distinct word of its texts and names.</summary>
    private static RootLexicon RootsOf(IEnumerable<string> words)
    {
        using var plain = new IkiAnalyzer(stem: true);
        return RootLexicon.Of(words, w => AnalyzedTerms.Of(plain, Isi, w).FirstOrDefault());
    }

    private IEnumerable<Passage> PassagesOf(Jabatan j)
    {
        for (var i = 0; i < j.Tugas.Count; i++) yield return Add(j.Nama, PassageKind.Tugas, i, j.Tugas[i]);
        for (var i = 0; i < j.Fungsi.Count; i++) yield return Add(j.Nama, PassageKind.Fungsi, i, j.Fungsi[i]);
        foreach (var row in j.Indikator)
            yield return Add(j.Nama, PassageKind.Indikator, row.No,
                string.Join(" ; ", new[] { row.Program, row.Uraian }.Concat(row.Rincian)));
    }

    private Passage Add(string jabatan, PassageKind kind, int ordinal, string text)
    {
        var passage = new Passage(_passages.Count, jabatan, kind, ordinal, text);
        _passages.Add(passage);
        return passage;
    }

    private static Document ToDocument(int text, List<string> stemmed) =>
    [
        new NumericDocValuesField(IdField, text),
        new Field(Isi, new ReplayedTerms(stemmed), IsiType),
    ];

    // Term queries only: frequencies and norms for BM25, no positions.
    private static readonly FieldType IsiType = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };

    // Word counts from the unstemmed analysis of every passage and name, in order of first use (the reader's typo
    // correction breaks ties by that order).
    private void CountWords()
    {
        // Each distinct text counted once with how often it occurs: words still enter in order of first use.
        var occurrences = new Dictionary<string, int>();
        foreach (var text in _passages.Select(p => p.Text).Concat(Kb.Jabatan.Select(j => j.Nama)))
            occurrences[text] = occurrences.GetValueOrDefault(text) + 1;
        foreach (var (text, count) in occurrences)
            foreach (var word in AnalyzedTerms.Of(RawAnalyzer, Isi, text))
                _wordFrequency[word] = _wordFrequency.GetValueOrDefault(word) + count;
    }

    // The stems are the stemmed field's terms and the names' stems.
    private void CollectStems()
    {
        foreach (var leaf in _reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(Isi)?.GetEnumerator();
            while (terms is not null && terms.MoveNext()) _stems.Add(terms.Term.Utf8ToString());
        }
        foreach (var nama in Kb.Jabatan.Select(j => j.Nama))
            _stems.UnionWith(AnalyzedTerms.Of(StemAnalyzer, Isi, nama));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        StemAnalyzer.Dispose();
        RawAnalyzer.Dispose();
    }
}
