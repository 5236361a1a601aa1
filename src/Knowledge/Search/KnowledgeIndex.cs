using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Model;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace IkiBot.Knowledge.Search;

/// <summary>
/// The Lucene index of the document's passages, in memory: a stemmed field for meaning and an
/// unstemmed one for typo (fuzzy) matching, since fuzzy terms are not stemmed.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    public const string Isi = "isi";
    public const string IsiRaw = "isi_raw";
    private const string JabatanField = "jabatan";
    private const string KindField = "kind";
    private const string IdField = "id";

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly List<Passage> _passages = [];
    private readonly HashSet<string> _stems = [];
    private readonly Dictionary<string, int> _wordFrequency = [];
    private readonly bool _docIdIsPassageId;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _stemCache = new();

    public KnowledgeIndex(KnowledgeBase kb)
    {
        Kb = kb;
        StemAnalyzer = new IkiAnalyzer(stem: true);
        RawAnalyzer = new IkiAnalyzer(stem: false);
        var perField = new PerFieldAnalyzerWrapper(StemAnalyzer, new Dictionary<string, Analyzer> { [IsiRaw] = RawAnalyzer });
        var config = new IndexWriterConfig(IkiAnalyzer.Version, perField) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var jabatan in kb.Jabatan)
                foreach (var passage in PassagesOf(jabatan))
                    writer.AddDocument(ToDocument(passage));
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _docIdIsPassageId = _reader.Leaves.Count == 1 && _reader.MaxDoc == _passages.Count
                            && Enumerable.Range(0, _passages.Count).All(i => _reader.Document(i).Get(IdField) == i.ToString());
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

    public IReadOnlyList<PassageHit> Search(Query query, int max = 500, string? jabatan = null, PassageKind? kind = null)
    {
        var filtered = new BooleanQuery { { query, Occur.MUST } };
        if (jabatan is not null) filtered.Add(OnlyWhere(JabatanField, jabatan), Occur.MUST);
        if (kind is not null) filtered.Add(OnlyWhere(KindField, kind.Value.ToString()), Occur.MUST);
        var top = _searcher.Search(filtered, max);
        return top.ScoreDocs.Select(d => new PassageHit(PassageOf(d.Doc), d.Score)).ToList();
    }

    // Documents are written in passage order by one writer into one segment, so a doc id is a passage id;
    // reading the stored id per hit cost milliseconds per question.
    private Passage PassageOf(int doc) =>
        _docIdIsPassageId ? _passages[doc] : _passages[int.Parse(_searcher.Doc(doc).Get(IdField))];

    private static Query OnlyWhere(string field, string value) =>
        new ConstantScoreQuery(new TermQuery(new Term(field, value))) { Boost = 0 };

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

    private static Document ToDocument(Passage p) =>
    [
        new StringField(IdField, p.Id.ToString(), Field.Store.YES),
        new StringField(JabatanField, p.Jabatan, Field.Store.NO),
        new StringField(KindField, p.Kind.ToString(), Field.Store.NO),
        new TextField(Isi, p.Text, Field.Store.NO),
        new TextField(IsiRaw, p.Text, Field.Store.NO),
    ];

    private void CollectVocabulary()
    {
        foreach (var passage in _passages.Select(p => p.Text).Concat(Kb.Jabatan.Select(j => j.Nama)))
        {
            foreach (var word in AnalyzedTerms.Of(RawAnalyzer, IsiRaw, passage))
                _wordFrequency[word] = _wordFrequency.GetValueOrDefault(word) + 1;
            foreach (var stem in AnalyzedTerms.Of(StemAnalyzer, Isi, passage)) _stems.Add(stem);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        StemAnalyzer.Dispose();
        RawAnalyzer.Dispose();
    }
}
