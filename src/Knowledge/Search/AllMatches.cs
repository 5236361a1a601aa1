using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IkiBot.Knowledge.Search;

/// <summary>
/// Every matching document with its score. The index holds a few hundred distinct texts, so keeping all matches is
/// cheaper than a top-N queue prefilled to that size.
/// </summary>
internal sealed class AllMatches : ICollector
{
    private Scorer? _scorer;
    private int _docBase;

    public List<(int Doc, float Score)> Matches { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => Matches.Add((_docBase + doc, _scorer!.GetScore()));

    /// <summary>Best first; equal scores in document order, as Lucene's own top-N.</summary>
    public List<(int Doc, float Score)> Ranked()
    {
        Matches.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return Matches;
    }
}
