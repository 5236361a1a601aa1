using IkiBot.Knowledge.Language;
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
        Forms = new NameForms(index.Kb, index.WordFrequency.Keys.ToHashSet());
        _names = new JabatanNameMatcher(index.Kb, Forms);
        _topics = new TopicSearch(index);
    }

    public MessageReader Reader => _reader;
    public NameForms Forms { get; }
    public JabatanNameMatcher Names => _names;

    public Interpretation Interpret(string? text)
    {
        var (kept, negated) = Negation.Split(text ?? "");
        var result = InterpretKept(kept);
        if (negated.Count == 0 || result.Jabatan.Count == 0) return result;
        // A negated jabatan drops out of the answer: "bukan kasi PHI tapi kasi syaker", "selain sekretaris, siapa ...".
        var excluded = negated.Select(n => _names.Rank(_reader.Read(n)))
            .Where(r => r.Count > 0 && r[0].Score >= ClearName).Select(r => r[0].Nama).ToHashSet();
        var rest = result.Jabatan.Where(j => !excluded.Contains(j.Nama)).ToList();
        if (rest.Count == result.Jabatan.Count || rest.Count == 0) return result;
        return result with { Jabatan = rest, NeedsChoice = result.NeedsChoice && rest.Count > 1 };
    }

    private Interpretation InterpretKept(string text)
    {
        var message = _reader.Read(text);
        if (message.Words.Count == 0) return Interpretation.Unknown;
        var small = SmallTalkDetector.Of(message, w => _reader.IsDocumentWord(w));
        if (small is not SmallTalk.None and not SmallTalk.OutOfScope) return Interpretation.Unknown with { SmallTalk = small };
        var names = _names.Rank(message);
        if (IntentDetector.AsksForList(message, names.Count > 0 && names[0].Score >= ClearName)) return new Interpretation(Intent.Daftar, [], false);
        if (small is SmallTalk.OutOfScope) return Interpretation.Unknown with { SmallTalk = small };

        var asked = IntentDetector.Explicit(message);
        var best = names.FirstOrDefault();
        var clear = best is not null && best.Score >= ClearName;

        // "fungsi pimpinan dinas": a duty word asks for the duty, whoever is named.
        if (asked is null && IntentDetector.AsksStructure(message) && Structure(message, names) is { } structure) return structure;
        // "siapa kepala dinas": nothing but a question word and a name asks who holds it.
        if (asked is null && clear && IntentDetector.AsksWho(message) && OnlyNames(message, best!.Nama)
            && Close(names).Count == 1)
            return new Interpretation(Intent.Atasan, [best], false) { AsksHolder = true };

        if (IntentDetector.AsksWhoseDuty(message) || IntentDetector.AsksWho(message) && !(asked is not null && clear))
            return Who(message);

        if (best is not null && best.Score >= SomeName)
        {
            var intent = asked ?? Intent.Tugas;
            var close = Close(names);
            if (clear && close.Count == 1) return new Interpretation(intent, [best], false);
            var choices = names.TakeWhile(n => n.Score >= best.Score - 1.5 * Margin && n.Score >= SomeName).Take(MaxChoices).ToList();
            return new Interpretation(intent, choices, NeedsChoice: true);
        }

        // No question word and no name: answer "who" only when the words are mostly the document's own.
        return asked is not null || MostlyKnownTopic(message) ? Who(message) : Interpretation.Unknown;
    }

    /// <summary>
    /// Where a named jabatan stands; a question back when the name is unclear; a request for the name when the message
    /// names none and says nothing else ("atasan saya siapa"). Null when the words ask about a duty instead.
    /// </summary>
    private static Interpretation? Structure(ReadMessage message, IReadOnlyList<RankedJabatan> names)
    {
        var best = names.FirstOrDefault();
        if (best is not null && best.Score >= SomeName)
        {
            var close = Close(names);
            if (best.Score >= ClearName && close.Count == 1) return new Interpretation(Intent.Atasan, [best], false);
            return new Interpretation(Intent.Atasan, close, NeedsChoice: true);
        }
        var onlyAsking = message.Typed.All(w => Language.Glossary.AtasanWords.Contains(w.Text) || Language.Glossary.StopWords.Contains(w.Text)
                                                || Language.Glossary.SiapaWords.Contains(w.Text) || Language.Glossary.LevelWords.Contains(w.Text)
                                                || StructureFiller.Contains(w.Text) || !w.Text.Any(char.IsLetter));
        return onlyAsking ? new Interpretation(Intent.Atasan, [], false) : null;
    }

    private static readonly HashSet<string> StructureFiller =
        ["langsung", "ku", "gue", "gw", "bertanggung", "bertanggungjawab", "jawab", "kepada", "melapor", "lapor", "bawah", "dibawah"];

    /// <summary>
    /// Every word is "siapa", a particle, a level word or a word of <paramref name="nama"/> (typed or as a short form):
    /// "siapa kasi PHI" asks who holds it, "yang pegang perselisihan siapa" or "hubungi seksi mana" ask for a topic.
    /// </summary>
    private static bool OnlyNames(ReadMessage message, string nama)
    {
        var nameWords = JabatanNameMatcher.WordsOf(nama).ToHashSet();
        return message.Typed.All(w => nameWords.Contains(w.Text) || HolderFiller.Contains(w.Text)
                                      || Language.Glossary.SiapaWords.Contains(w.Text) || Language.Glossary.LevelWords.Contains(w.Text)
                                      || Language.Glossary.Expansions.ContainsKey(w.Typed));
    }

    private static readonly HashSet<string> HolderFiller =
        ["yang", "yg", "sih", "ya", "dong", "itu", "ini", "nih", "kah", "pak", "bu", "bapak", "ibu", "sekarang", "skrg", "saat",
         "kini", "dinas", "disnaker", "di", "nama", "namanya", "pejabat", "pejabatnya", "menjabat", "jabat", "adalah", "orangnya"];

    /// <summary>The names within <see cref="Margin"/> of the best: one is a clear answer, several a question back.</summary>
    private static List<RankedJabatan> Close(IReadOnlyList<RankedJabatan> names) =>
        names.TakeWhile(n => n.Score >= names[0].Score - Margin).Take(MaxChoices).ToList();

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
