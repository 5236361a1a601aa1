using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IkiBot.Knowledge.Language;

/// <summary>Runs text through an analyzer and returns its terms.</summary>
public static class AnalyzedTerms
{
    public static List<string> Of(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
