using IkiBot.Knowledge.Search;

namespace IkiBot.Knowledge.Understanding;

/// <summary>From one chat message to (intent, ranked jabatan), or a question back when no jabatan is clearly meant.</summary>
public sealed class QuestionInterpreter
{
    // Measured on the dev questions: a named jabatan scores >= 0.6; partial names ("seksi pelatihan") fall between.
    public const double ClearName = 0.6;
    public const double SomeName = 0.34;
    public const double Margin = 0.1;
    public const int MaxChoices = 3;

    private readonly MessageReader _reader;
    private readonly JabatanNameMatcher _names;
    private readonly TopicSearch _topics;

    public QuestionInterpreter(KnowledgeIndex index)
    {
        _reader = new MessageReader(index);
        _names = new JabatanNameMatcher(index.Kb);
        _topics = new TopicSearch(index);
    }

    public MessageReader Reader => _reader;
    public JabatanNameMatcher Names => _names;

    public Interpretation Interpret(string? text)
    {
        var message = _reader.Read(text);
        if (message.Words.Count == 0) return Interpretation.Unknown;
        if (IntentDetector.AsksForList(message)) return new Interpretation(Intent.Daftar, [], false);

        var asked = IntentDetector.Explicit(message);
        var names = _names.Rank(message);
        var best = names.FirstOrDefault();
        var clear = best is not null && best.Score >= ClearName;

        if (IntentDetector.AsksWhoseDuty(message) || IntentDetector.AsksWho(message) && !(asked is not null && clear))
            return Who(message);

        if (best is not null && best.Score >= SomeName)
        {
            var intent = asked ?? Intent.Tugas;
            var close = names.TakeWhile(n => n.Score >= best.Score - Margin).Take(MaxChoices).ToList();
            if (clear && close.Count == 1) return new Interpretation(intent, [best], false);
            var choices = names.TakeWhile(n => n.Score >= best.Score - 1.5 * Margin && n.Score >= SomeName).Take(MaxChoices).ToList();
            return new Interpretation(intent, choices, NeedsChoice: true);
        }

        // No question word and no name: answer "who" only when the words are mostly the document's own.
        return asked is not null || MostlyKnownTopic(message) ? Who(message) : Interpretation.Unknown;
    }

    private bool MostlyKnownTopic(ReadMessage message)
    {
        var content = message.Typed.Where(w => w.Stem is not null && !Language.Glossary.LevelWords.Contains(w.Text)).ToList();
        return content.Count > 0 && content.Count(w => _topics.Knows(w.Stem!)) * 2 > content.Count;
    }

    private Interpretation Who(ReadMessage message)
    {
        var ranked = _topics.Rank(message);
        if (ranked.Count == 0) return Interpretation.Unknown;
        var top = ranked[0].Score;
        var shown = ranked.TakeWhile(r => r.Score >= top * 0.4).Take(MaxChoices).ToList();
        return new Interpretation(Intent.Siapa, shown, false);
    }
}
