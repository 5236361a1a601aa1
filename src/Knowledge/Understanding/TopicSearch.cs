using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace IkiBot.Knowledge.Understanding;

/// <summary>
/// "Siapa yang ngurus X?": ranks jabatan by how specifically their tugas, fungsi and indicator rows cover the topic.
/// </summary>
public sealed class TopicSearch(KnowledgeIndex index)
{
    public IReadOnlyList<RankedJabatan> Rank(ReadMessage message, int max = 5)
    {
        var query = BuildQuery(message);
        if (query is null) return [];
        var hits = index.Search(query);
        return hits
            .GroupBy(h => h.Passage.Jabatan)
            .Select(g =>
            {
                var ordered = g.OrderByDescending(h => h.Score).ToList();
                // The best passage counts most; further passages add evidence with falling weight.
                var score = ordered.Select((h, i) => h.Score / Math.Pow(2, i)).Sum();
                return new RankedJabatan(g.Key, score * LevelPrior(g.Key), ordered.Take(2).Select(h => h.Passage).ToList());
            })
            .OrderByDescending(r => r.Score)
            .Take(max)
            .ToList();
    }

    public bool Knows(string stem) => index.HasStem(stem);

    /// <summary>
    /// A query over the stemmed field. Typos were already corrected by the reader against the unstemmed field's terms
    /// (a per-query FuzzyQuery cost 5-10 ms for its automaton and found nothing the correction had not).
    /// </summary>
    public BooleanQuery? BuildQuery(ReadMessage message)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>();
        foreach (var word in message.Words)
        {
            if (IsQuestionWord(word.Text) || Glossary.LevelWords.Contains(word.Text) || Glossary.LevelWords.Contains(word.Typed)) continue;
            if (word.Stem is not null && seen.Add(word.Stem))
                query.Add(new TermQuery(new Term(KnowledgeIndex.Isi, word.Stem)) { Boost = word.FromExpansion ? 0.7f : 1f }, Occur.SHOULD);
        }
        return query.Clauses.Count == 0 ? null : query;
    }

    private static bool IsQuestionWord(string word) =>
        Glossary.StopWords.Contains(word) || Glossary.TugasWords.Contains(word) || Glossary.FungsiWords.Contains(word)
        || Glossary.IndikatorWords.Contains(word) || Glossary.SiapaWords.Contains(word) || Glossary.DaftarWords.Contains(word);

    // The unit that does the work (Seksi, Sub Bagian) is the better answer to "who handles it" than the one that supervises it.
    private static double LevelPrior(string nama) => nama switch
    {
        _ when nama.StartsWith("SEKSI") || nama.StartsWith("KEPALA SUB BAGIAN") => 1.3,
        _ when nama.StartsWith("KEPALA BIDANG") || nama == "SEKRETARIS" => 1.0,
        "KEPALA DINAS" => 0.9,
        _ => 1.0,
    };
}
