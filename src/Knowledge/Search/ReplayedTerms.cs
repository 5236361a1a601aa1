using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IkiBot.Knowledge.Search;

/// <summary>Terms analysed once and indexed as they are, for every passage with the same text.</summary>
internal sealed class ReplayedTerms : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IReadOnlyList<string> _terms;
    private int _next;

    public ReplayedTerms(IReadOnlyList<string> terms)
    {
        _terms = terms;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _terms.Count) return false;
        ClearAttributes();
        _term.SetEmpty().Append(_terms[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
