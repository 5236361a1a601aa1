namespace IkiBot.Knowledge.Language;

/// <summary>
/// The Indonesian stemmer drops the first letter of a root that a nasal prefix swallowed ("menerbitkan" -> "erbit",
/// "pengelolaan" -> "elola", "pemeriksaan" -> "eriksa") and strips "ke" from roots that begin with it ("kelola" ->
/// "lola"), so one word in two forms gave two terms and a question missed its passage. This restores the root the
/// document itself attests: a stem the document's own words produce, or one of its words as written.
/// </summary>
public sealed class RootLexicon
{
    // The letters meN-/peN- swallow. Not the r of per- + r-roots: "perencanaan" (planning) joined with "rencana" (a
    // plan) cost more answers than it won, the document keeps the two apart.
    private const string Swallowed = "tkps";

    private readonly HashSet<string> _known;
    private readonly HashSet<string> _swallowed;

    private RootLexicon(HashSet<string> known, HashSet<string> swallowed) => (_known, _swallowed) = (known, swallowed);

    /// <summary>Built from the document's words (as written, lower case) and the stems the plain stemmer gives them.</summary>
    public static RootLexicon Of(IEnumerable<string> words, Func<string, string?> plainStem)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var swallowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            known.Add(word);
            if (plainStem(word) is not { Length: > 0 } stem) continue;
            known.Add(stem);
            if (IsVowel(stem[0]) && HasNasalPrefix(word)) swallowed.Add(stem);
        }
        // A stem the document only has without its first letter stays so ("pengembangan" -> "embang"); the whole root
        // typed by a user ("berkembang" -> "kembang") then maps onto it.
        swallowed.RemoveWhere(s => Swallowed.Any(letter => known.Contains(letter + s)));
        return new RootLexicon(known, swallowed);
    }

    public static readonly RootLexicon None = new([], []);

    /// <summary>The root for <paramref name="word"/>, whose plain stem is <paramref name="stem"/>.</summary>
    public string Root(string word, string stem)
    {
        if (_known.Count == 0 || stem.Length < 3) return stem;
        // "kelola", "ketua", "keluar": ke- without -an is part of the root.
        if (word.StartsWith("ke", StringComparison.Ordinal) && !word.EndsWith("an", StringComparison.Ordinal)
            && word.Length == stem.Length + 2 && word.EndsWith(stem, StringComparison.Ordinal) && _known.Contains(word))
            return word;
        if (IsVowel(stem[0]) && HasNasalPrefix(word))
            foreach (var letter in Swallowed)
                if (_known.Contains(letter + stem)) return letter + stem;
        if (Swallowed.Contains(stem[0]) && _swallowed.Contains(stem[1..])) return stem[1..];
        // "perizinan": the stemmer leaves some per-...-an words whole.
        if (stem == word && word.Length > 7 && word.StartsWith("per", StringComparison.Ordinal) && word.EndsWith("an", StringComparison.Ordinal)
            && _known.Contains(word[3..^2]))
            return word[3..^2];
        return stem;
    }

    private static bool HasNasalPrefix(string word) =>
        word.StartsWith("me", StringComparison.Ordinal) || word.StartsWith("pe", StringComparison.Ordinal);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
