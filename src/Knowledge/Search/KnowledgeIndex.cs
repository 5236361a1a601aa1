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
/// The Lucene index of the document's passages, in memory: one stemmed field, searched by term queries. The unstemmed
/// words (for typo correction against the document's own words) are counted beside it, not indexed.
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
    private readonly int[] _docToPassage;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _stemCache = new();

    public KnowledgeIndex(KnowledgeBase kb)
    {
        Kb = kb;
        StemAnalyzer = new IkiAnalyzer(stem: true);
        RawAnalyzer = new IkiAnalyzer(stem: false);
        // One flush at commit (no intermediate segments to merge); only the stemmed field is searched.
        // A text repeated in many passages (the same duty in every office) is analysed once.
        var config = new IndexWriterConfig(IkiAnalyzer.Version, StemAnalyzer)
            { Similarity = new BM25Similarity(), RAMBufferSizeMB = 512, UseCompoundFile = false };
        var stemmed = new Dictionary<string, List<string>>();
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var jabatan in kb.Jabatan)
                foreach (var passage in PassagesOf(jabatan))
                {
                    if (!stemmed.TryGetValue(passage.Text, out var terms))
                        stemmed[passage.Text] = terms = AnalyzedTerms.Of(StemAnalyzer, Isi, passage.Text);
                    writer.AddDocument(ToDocument(passage, terms));
                }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _docToPassage = new int[_reader.MaxDoc];
        foreach (var leaf in _reader.Leaves)
        {
            var ids = leaf.AtomicReader.GetNumericDocValues(IdField);
            for (var d = 0; d < leaf.AtomicReader.MaxDoc; d++) _docToPassage[leaf.DocBase + d] = (int)ids.Get(d);
        }
        CollectVocabulary();
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

    public IReadOnlyList<PassageHit> Search(Query query, int max = 500)
    {
        var top = _searcher.Search(query, max);
        return top.ScoreDocs.Select(d => new PassageHit(PassageOf(d.Doc), d.Score)).ToList();
    }

    // Read once from doc values when the index is opened; reading the stored id per hit cost milliseconds per question.
    private Passage PassageOf(int doc) => _passages[_docToPassage[doc]];

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

    private static Document ToDocument(Passage p, List<string> stemmed) =>
    [
        new NumericDocValuesField(IdField, p.Id),
        new Field(Isi, new ReplayedTerms(stemmed), IsiType),
    ];

    // Term queries only: frequencies and norms for BM25, no positions.
    private static readonly FieldType IsiType = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };

    // Word counts from the unstemmed analysis of every passage and name, in order of first use (the reader's typo
    // correction breaks ties by that order); the stems are the stemmed field's terms.
    private void CollectVocabulary()
    {
        // Each distinct text counted once with how often it occurs: words still enter in order of first use.
        var occurrences = new Dictionary<string, int>();
        foreach (var text in _passages.Select(p => p.Text).Concat(Kb.Jabatan.Select(j => j.Nama)))
            occurrences[text] = occurrences.GetValueOrDefault(text) + 1;
        foreach (var (text, count) in occurrences)
            foreach (var word in AnalyzedTerms.Of(RawAnalyzer, Isi, text))
                _wordFrequency[word] = _wordFrequency.GetValueOrDefault(word) + count;
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
