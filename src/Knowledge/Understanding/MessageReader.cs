using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Search;

namespace IkiBot.Knowledge.Understanding;

/// <summary>
/// Turns a chat message into standard words: chat short forms, typos, informal verb forms
/// ("nerbitin", "ngurus") and abbreviations (expanded beside the typed word).
/// </summary>
public sealed partial class MessageReader
{
    private readonly KnowledgeIndex _index;
    private readonly HashSet<string> _vocabulary;
    private readonly Dictionary<int, List<string>> _vocabularyByLength = [];
    private readonly ConcurrentDictionary<string, string> _normalised = new();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?<base>[a-z]{3,})2$")]
    private static partial Regex Reduplication();

    public MessageReader(KnowledgeIndex index)
    {
        _index = index;
        _vocabulary = [.. index.WordFrequency.Keys];
        foreach (var (k, v) in Glossary.Expansions) { _vocabulary.Add(k); _vocabulary.UnionWith(v.Split(' ')); }
        foreach (var (k, v) in Glossary.ChatForms) { _vocabulary.Add(k); _vocabulary.Add(v); }
        foreach (var set in new[] { Glossary.StopWords, Glossary.TugasWords, Glossary.FungsiWords, Glossary.IndikatorWords,
                     Glossary.SiapaWords, Glossary.DaftarWords, Glossary.AllWords })
            _vocabulary.UnionWith(set);
        _vocabulary.UnionWith(Situations.PlainWords);
        foreach (var (abbreviation, expansion) in Glossary.Expansions)
            if (index.WordFrequency.ContainsKey(abbreviation) && expansion.Contains(' ')
                && !_longForms.Any(l => l.Phrase == expansion))
                _longForms.Add((expansion, abbreviation));
        foreach (var word in _vocabulary)
        {
            if (!_vocabularyByLength.TryGetValue(word.Length, out var list)) _vocabularyByLength[word.Length] = list = [];
            list.Add(word);
        }
    }

    /// <summary>
    /// Long forms of abbreviations the document itself uses ("pemutusan hubungan kerja" -> PHK): a user who writes the
    /// long form must still find the rows that only say "PHK".
    /// </summary>
    private readonly List<(string Phrase, string Abbreviation)> _longForms = [];

    public bool IsKnown(string word) => _vocabulary.Contains(word);

    /// <summary>A word the document itself uses (not only the glossary or chat forms).</summary>
    public bool IsDocumentWord(string word) => _index.WordFrequency.ContainsKey(word);

    public ReadMessage Read(string? text)
    {
        var raw = text ?? "";
        var words = new List<MessageWord>();
        var lowered = " " + string.Join(' ', Word().Matches(raw.ToLowerInvariant().Replace("&", " dan ")).Select(m => m.Value)) + " ";
        foreach (var (phrase, single) in Glossary.Phrases)
            lowered = lowered.Replace(" " + phrase + " ", " " + single + " ");
        foreach (var (phrase, abbreviation) in _longForms)
            if (lowered.Contains(" " + phrase + " ") && !lowered.Contains(" " + abbreviation + " "))
                lowered = lowered.Replace(" " + phrase + " ", " " + phrase + " " + abbreviation + " ");
        foreach (Match m in Word().Matches(lowered))
        {
            var typed = m.Value;
            if (typed.Length > 40) continue;
            if (_normalised.Count > 100_000) _normalised.Clear();
            var standard = _normalised.GetOrAdd(typed, Normalise);
            words.Add(new MessageWord(standard, typed, false, _index.StemOf(standard)));
            if (Glossary.Expansions.TryGetValue(standard, out var expansion))
                foreach (var e in expansion.Split(' ').Where(e => e != standard))
                    words.Add(new MessageWord(e, typed, true, _index.StemOf(e)));
        }
        return new ReadMessage(raw, words);
    }

    private string Normalise(string word)
    {
        if (word.All(char.IsDigit)) return word;
        var r = Reduplication().Match(word);
        if (r.Success) word = r.Groups["base"].Value;
        if (Glossary.ChatForms.TryGetValue(word, out var chat)) return chat;
        if (_vocabulary.Contains(word)) return word;
        foreach (var suffix in new[] { "nya", "ny" })
            if (word.EndsWith(suffix) && _vocabulary.Contains(word[..^suffix.Length])) return word[..^suffix.Length];
        foreach (var candidate in InformalForms.RootsOf(word))
        {
            if (_vocabulary.Contains(candidate)) return candidate;
            var stem = _index.StemOf(candidate);
            if (stem is not null && stem.Length >= 4 && _index.HasStem(stem)) return candidate;
        }
        return Nearest(word) ?? word;
    }

    private string? Nearest(string word)
    {
        var allowed = EditDistance.Allowed(word.Length);
        if (allowed == 0 || word.Any(char.IsDigit)) return null;
        string? best = null;
        var bestDistance = allowed + 1;
        var bestFrequency = -1;
        for (var len = word.Length - allowed; len <= word.Length + allowed; len++)
        {
            if (!_vocabularyByLength.TryGetValue(len, out var list)) continue;
            foreach (var candidate in list)
            {
                if (candidate[0] != word[0] && allowed < 2) continue;
                var d = EditDistance.Between(word, candidate, allowed);
                if (d > allowed) continue;
                var frequency = _index.WordFrequency.GetValueOrDefault(candidate);
                if (d < bestDistance || (d == bestDistance && frequency > bestFrequency))
                    (best, bestDistance, bestFrequency) = (candidate, d, frequency);
            }
        }
        return best;
    }
}
