using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IkiBot.Knowledge.Search;

/// <summary>
/// BM25 statistics counted per passage while the index holds each distinct text once: a duty that 100 offices share
/// is one Lucene document, yet its words must weigh as if it were 100 (rarer words score higher), so that ranking is
/// the same as with one document per passage.
/// </summary>
internal sealed class PassageStatistics
{
    private readonly Dictionary<string, (long DocFreq, long TotalTermFreq)> _terms = [];
    private long _passages;
    private long _passagesWithTerms;
    private long _sumTotalTermFreq;
    private long _sumDocFreq;

    /// <summary>Counts one distinct text, held by <paramref name="passages"/> passages.</summary>
    public void Add(IReadOnlyList<string> terms, int passages)
    {
        _passages += passages;
        if (terms.Count == 0) return;
        _passagesWithTerms += passages;
        _sumTotalTermFreq += (long)terms.Count * passages;
        foreach (var group in terms.GroupBy(t => t, StringComparer.Ordinal))
        {
            var (docFreq, totalTermFreq) = _terms.GetValueOrDefault(group.Key);
            _terms[group.Key] = (docFreq + passages, totalTermFreq + (long)group.Count() * passages);
            _sumDocFreq += passages;
        }
    }

    public TermStatistics ForTerm(Term term)
    {
        var (docFreq, totalTermFreq) = _terms.GetValueOrDefault(term.Text);
        return new TermStatistics(term.Bytes, docFreq, totalTermFreq);
    }

    public CollectionStatistics ForField(string field) =>
        new(field, _passages, _passagesWithTerms, _sumTotalTermFreq, _sumDocFreq);
}

/// <summary>A searcher that scores with <see cref="PassageStatistics"/> instead of the index's own document counts.</summary>
internal sealed class PassageSearcher(IndexReader reader, PassageStatistics statistics) : IndexSearcher(reader)
{
    public override TermStatistics TermStatistics(Term term, TermContext context) => statistics.ForTerm(term);

    public override CollectionStatistics CollectionStatistics(string field) => statistics.ForField(field);
}
