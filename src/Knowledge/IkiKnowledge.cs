using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Organisation;
using IkiBot.Knowledge.Parsing;
using IkiBot.Knowledge.Search;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge;

/// <summary>Everything the bot knows from one IKI document: the document, its index, and the ways to ask it.</summary>
public sealed class IkiKnowledge : IDisposable
{
    public IkiKnowledge(KnowledgeBase kb, IReadOnlyDictionary<string, string>? atasanOverrides = null)
    {
        Kb = kb;
        Index = new KnowledgeIndex(kb);
        Questions = new QuestionInterpreter(Index);
        Struktur = new StrukturOrganisasi(kb, atasanOverrides);
        Answers = new AnswerWriter(kb, Struktur);
    }

    public KnowledgeBase Kb { get; }
    public KnowledgeIndex Index { get; }
    public QuestionInterpreter Questions { get; }
    public StrukturOrganisasi Struktur { get; }
    public AnswerWriter Answers { get; }

    public static IkiKnowledge LoadBundled() => new(BundledDocument.Load());

    public static IkiKnowledge LoadFile(string path) => new(new IkiDocumentParser().ParseFile(path));

    public (Interpretation Interpretation, Answer Answer) Ask(string? question)
    {
        var interpretation = Questions.Interpret(question);
        return (interpretation, Answers.Write(interpretation));
    }

    /// <summary>"/tugas kasi phi": the intent is given, the jabatan is read from the words.</summary>
    public (Interpretation Interpretation, Answer Answer) AskAbout(Intent intent, string jabatanText)
    {
        var exact = Kb.Find(jabatanText);
        if (exact is not null)
        {
            var i = new Interpretation(intent, [new RankedJabatan(exact.Nama, 1)], false);
            return (i, Answers.Write(i));
        }
        var names = Questions.Names.Rank(Questions.Reader.Read(jabatanText));
        if (names.Count == 0 || names[0].Score < 0.34)
            return (Interpretation.Unknown, Answers.UnknownJabatan(jabatanText));
        var close = names.TakeWhile(n => n.Score >= names[0].Score - 0.1).Take(3).ToList();
        var interpretation = close.Count == 1 && names[0].Score >= 0.6
            ? new Interpretation(intent, [names[0]], false)
            : new Interpretation(intent, close, true);
        return (interpretation, Answers.Write(interpretation));
    }

    public void Dispose() => Index.Dispose();
}
