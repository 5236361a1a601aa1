using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Organisation;
using IkiBot.Knowledge.Parsing;
using IkiBot.Knowledge.Search;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge;

/// <summary>
/// Everything the bot knows from one IKI document: the document, its index, and the ways to ask it.
/// <see cref="Replace"/> swaps in a new version live: the new index is built aside and swapped in one step, so a
/// question is answered wholly from the old or wholly from the new version.
/// </summary>
public sealed class IkiKnowledge : IDisposable
{
    private static readonly TimeSpan RetiredIndexLifetime = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyDictionary<string, string>? _atasanOverrides;
    private readonly object _replacing = new();
    private Snapshot _current;

    public IkiKnowledge(KnowledgeBase kb, IReadOnlyDictionary<string, string>? atasanOverrides = null)
    {
        _atasanOverrides = atasanOverrides;
        _current = Build(kb, 0);
    }

    /// <summary>
    /// One consistent version: the document and everything built from it. The index and the question reader are built
    /// on first use (a command-line verb that only counts or lists never pays for them); a swapped-in version is built
    /// whole before it is served.
    /// </summary>
    public sealed class Snapshot(KnowledgeBase kb, StrukturOrganisasi struktur, AnswerWriter answers, int version)
    {
        private readonly Lazy<(KnowledgeIndex Index, QuestionInterpreter Questions)> _understanding = new(() =>
        {
            var index = new KnowledgeIndex(kb);
            return (index, new QuestionInterpreter(index));
        });

        public KnowledgeBase Kb => kb;
        public StrukturOrganisasi Struktur => struktur;
        public AnswerWriter Answers => answers;
        public int Version => version;
        public KnowledgeIndex Index => _understanding.Value.Index;
        public QuestionInterpreter Questions => _understanding.Value.Questions;

        /// <summary>Builds the index and writes the list of jabatan now (before serving questions).</summary>
        public Snapshot Warm()
        {
            _ = _understanding.Value;
            answers.Daftar();
            return this;
        }

        public void Dispose()
        {
            if (_understanding.IsValueCreated) _understanding.Value.Index.Dispose();
        }
    }

    /// <summary>"Struktur:Atasan" from the settings (bawahan → atasan, by name).</summary>
    public IReadOnlyDictionary<string, string> AtasanOverrides => _atasanOverrides ?? new Dictionary<string, string>();

    /// <summary>The version being served now; take it once per question to stay on one version.</summary>
    public Snapshot Current => Volatile.Read(ref _current);

    public KnowledgeBase Kb => Current.Kb;
    public KnowledgeIndex Index => Current.Index;
    public QuestionInterpreter Questions => Current.Questions;
    public StrukturOrganisasi Struktur => Current.Struktur;
    public AnswerWriter Answers => Current.Answers;

    /// <summary>Counts the swaps in this process (0 = as constructed); caches built from the knowledge compare it.</summary>
    public int Version => Current.Version;

    /// <summary>Synonyms added by admins ("kata" → words of the document), applied to questions before they are read.</summary>
    public SynonymTable Synonyms { get; } = new();

    /// <summary>Builds the index of <paramref name="kb"/> aside, then serves it. The old index stays usable for a while for questions already on it.</summary>
    public void Replace(KnowledgeBase kb)
    {
        lock (_replacing)
        {
            var next = Build(kb, _current.Version + 1).Warm();
            var old = Interlocked.Exchange(ref _current, next);
            _ = Task.Delay(RetiredIndexLifetime).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);
        }
    }

    private Snapshot Build(KnowledgeBase kb, int version)
    {
        var struktur = new StrukturOrganisasi(kb, _atasanOverrides);
        return new Snapshot(kb, struktur, new AnswerWriter(kb, struktur), version);
    }

    public static IkiKnowledge LoadBundled() => new(BundledDocument.Load());

    public static IkiKnowledge LoadFile(string path) => new(new IkiDocumentParser().ParseFile(path));

    public (Interpretation Interpretation, Answer Answer) Ask(string? question)
    {
        var snapshot = Current;
        var interpretation = snapshot.Questions.Interpret(Synonyms.Apply(question));
        return (interpretation, snapshot.Answers.Write(interpretation));
    }

    /// <summary>"/tugas kasi phi": the intent is given, the jabatan is read from the words.</summary>
    public (Interpretation Interpretation, Answer Answer) AskAbout(Intent intent, string jabatanText)
    {
        var snapshot = Current;
        var exact = ResolveJabatan(snapshot, jabatanText, out var candidates);
        if (exact is null && candidates.Count == 0)
            return (Interpretation.Unknown, snapshot.Answers.UnknownJabatan(jabatanText));
        var interpretation = exact is not null
            ? new Interpretation(intent, [new RankedJabatan(exact, 1)], false)
            : new Interpretation(intent, candidates.Select(c => new RankedJabatan(c, 0)).ToList(), true);
        return (interpretation, snapshot.Answers.Write(interpretation));
    }

    /// <summary>
    /// The one jabatan a text names (exact name, or clearly by its words); null with up to 3 candidates to ask
    /// between when it is not clear, or with none when the text names no jabatan.
    /// </summary>
    public string? ResolveJabatan(string text, out IReadOnlyList<string> candidates) =>
        ResolveJabatan(Current, text, out candidates);

    private string? ResolveJabatan(Snapshot snapshot, string text, out IReadOnlyList<string> candidates)
    {
        candidates = [];
        if (snapshot.Kb.Find(text) is { } exact) return exact.Nama;
        var names = snapshot.Questions.Names.Rank(snapshot.Questions.Reader.Read(Synonyms.Apply(text)));
        if (names.Count == 0 || names[0].Score < QuestionInterpreter.SomeName) return null;
        var close = names.TakeWhile(n => n.Score >= names[0].Score - QuestionInterpreter.Margin).Take(QuestionInterpreter.MaxChoices).ToList();
        if (close.Count == 1 && names[0].Score >= QuestionInterpreter.ClearName) return names[0].Nama;
        candidates = close.Select(c => c.Nama).ToList();
        return null;
    }

    /// <summary>Builds the current version's index now, so the first question is answered as fast as the others.</summary>
    public void Warm() => Current.Warm();

    public void Dispose() => Current.Dispose();
}
