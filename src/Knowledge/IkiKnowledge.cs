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
        var exact = ResolveJabatan(jabatanText, out var candidates);
        if (exact is null && candidates.Count == 0)
            return (Interpretation.Unknown, Answers.UnknownJabatan(jabatanText));
        var interpretation = exact is not null
            ? new Interpretation(intent, [new RankedJabatan(exact, 1)], false)
            : new Interpretation(intent, candidates.Select(c => new RankedJabatan(c, 0)).ToList(), true);
        return (interpretation, Answers.Write(interpretation));
    }

    /// <summary>
    /// The one jabatan a text names (exact name, or clearly by its words); null with up to 3 candidates to ask
    /// between when it is not clear, or with none when the text names no jabatan.
    /// </summary>
    public string? ResolveJabatan(string text, out IReadOnlyList<string> candidates)
    {
        candidates = [];
        if (Kb.Find(text) is { } exact) return exact.Nama;
        var names = Questions.Names.Rank(Questions.Reader.Read(text));
        if (names.Count == 0 || names[0].Score < QuestionInterpreter.SomeName) return null;
        var close = names.TakeWhile(n => n.Score >= names[0].Score - QuestionInterpreter.Margin).Take(QuestionInterpreter.MaxChoices).ToList();
        if (close.Count == 1 && names[0].Score >= QuestionInterpreter.ClearName) return names[0].Nama;
        candidates = close.Select(c => c.Nama).ToList();
        return null;
    }

    public void Dispose() => Index.Dispose();
}
