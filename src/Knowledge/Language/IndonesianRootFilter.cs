using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.TokenAttributes;

namespace IkiBot.Knowledge.Language;

/// <summary>Lucene's Indonesian stemmer (derivational), then <see cref="RootLexicon.Root"/> on what it made of the word.</summary>
internal sealed class IndonesianRootFilter : TokenFilter
{
    private readonly IndonesianStemmer _stemmer = new();
    private readonly RootLexicon _roots;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public IndonesianRootFilter(TokenStream input, RootLexicon roots) : base(input)
    {
        _roots = roots;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var word = _term.ToString();
        if (_keyword.IsKeyword)
        {
            // Short forms are kept as typed; a protected whole word still meets its root ("perizinan" -> "izin").
            if (_roots.Root(word, word) is var kept && kept != word) _term.SetEmpty().Append(kept);
            return true;
        }
        var length = _stemmer.Stem(_term.Buffer, _term.Length, stemDerivational: true);
        var stem = new string(_term.Buffer, 0, length);
        var root = _roots.Root(word, stem);
        _term.SetEmpty().Append(root);
        return true;
    }
}
