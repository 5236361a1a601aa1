using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Search;
using IkiBot.Knowledge.Understanding;
using IkiBot.Eval;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace IkiBot.Knowledge.Tests.Search;

/// <summary>
/// Issue 13: the index holds each distinct text once. "Siapa yang ngurus ..." must rank exactly as an index with one
/// document per passage did, on a document whose offices share their duties word for word.
/// </summary>
public class DistinctTextSearchTests
{
    [Fact]
    public void Every_question_finds_the_same_passages_with_the_same_scores_as_one_document_per_passage()
    {
        var kb = ScaledDocument.Of(IkiKnowledge.LoadBundled().Kb, 3);
        using var index = new KnowledgeIndex(kb);
        using var reference = PerPassageIndex(index);
        var reader = new MessageReader(index);
        var topics = new TopicSearch(index);
        var (questions, _) = EvalFile.Read("dev.jsonl", EvalPart.Dev);

        var compared = 0;
        foreach (var question in questions)
        {
            var query = topics.BuildQuery(reader.Read(question.Text));
            if (query is null) continue;
            var expected = reference.Search(query, 500).ScoreDocs.Select(d => (d.Doc, d.Score)).ToList();
            var actual = index.Search(query).Select(h => (h.Passage.Id, h.Score)).ToList();
            Assert.True(expected.SequenceEqual(actual), $"{question.Text}: {expected.Count} vs {actual.Count} hits");
            compared++;
        }
        Assert.True(compared > questions.Count / 2, $"only {compared} of {questions.Count} questions had a topic query");
    }

    [Fact]
    public void A_shared_duty_is_answered_for_every_jabatan_that_holds_it()
    {
        var kb = ScaledDocument.Of(IkiKnowledge.LoadBundled().Kb, 3);
        using var index = new KnowledgeIndex(kb);
        var tugas = kb.Jabatan[0].Tugas[0];
        var query = new BooleanQuery();
        foreach (var stem in AnalyzedTerms.Of(index.StemAnalyzer, KnowledgeIndex.Isi, tugas).Distinct())
            query.Add(new TermQuery(new Term(KnowledgeIndex.Isi, stem)), Occur.SHOULD);

        var holders = index.Search(query).Where(h => h.Passage.Text == tugas).Select(h => h.Passage.Jabatan).ToList();
        Assert.Equal(kb.Jabatan.Where(j => j.Tugas.Contains(tugas)).Select(j => j.Nama).Order(), holders.Order());
        Assert.Equal(3, holders.Count);
    }

    private sealed class Reference(RAMDirectory directory, DirectoryReader reader) : IDisposable
    {
        private readonly IndexSearcher _searcher = new(reader) { Similarity = new BM25Similarity() };

        public TopDocs Search(Query query, int max) => _searcher.Search(query, max);

        public void Dispose()
        {
            reader.Dispose();
            directory.Dispose();
        }
    }

    private static Reference PerPassageIndex(KnowledgeIndex index)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(IkiAnalyzer.Version, index.StemAnalyzer) { Similarity = new BM25Similarity(), RAMBufferSizeMB = 512 };
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var passage in index.Passages) writer.AddDocument([new Field(KnowledgeIndex.Isi, passage.Text, type)]);
            writer.Commit();
        }
        return new Reference(directory, DirectoryReader.Open(directory));
    }
}
