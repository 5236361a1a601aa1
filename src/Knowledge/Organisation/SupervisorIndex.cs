using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Organisation;

/// <summary>
/// The supervisors (kepala dinas, sekretaris, kepala bidang) by their name words, to find the one a mention names
/// ("kepada Kepala Bidang Pelatihan Tenaga Kerja"): a typed word is compared by edit distance only with the name words
/// of about its length, once, and only supervisors holding a matched word are scored.
/// </summary>
internal sealed class SupervisorIndex
{
    // Words most supervisors share count a tenth of a distinctive word (scores are integers so ties are exact).
    private const int Distinctive = 10;
    private const int Weak = 1;

    private readonly List<string> _names = [];
    private readonly Dictionary<string, List<int>> _holders = [];
    private readonly Dictionary<int, List<string>> _wordsByLength = [];
    private readonly Dictionary<string, List<string>> _matches = [];

    public SupervisorIndex(IEnumerable<string> supervisors)
    {
        foreach (var nama in supervisors)
        {
            foreach (var word in JabatanNameMatcher.WordsOf(nama))
            {
                if (!_holders.TryGetValue(word, out var holders))
                {
                    _holders[word] = holders = [];
                    if (!_wordsByLength.TryGetValue(word.Length, out var sameLength)) _wordsByLength[word.Length] = sameLength = [];
                    sameLength.Add(word);
                }
                holders.Add(_names.Count);
            }
            _names.Add(nama);
        }
    }

    /// <summary>
    /// The supervisor (other than <paramref name="self"/>) with most of its name words in the mention (typos allowed),
    /// distinctive words counting more; the first in document order on a tie; null when no word matches.
    /// </summary>
    public (string Nama, int Score)? Best(string mention, string self)
    {
        var found = new HashSet<string>();
        foreach (var typed in mention.Split([' ', '/', '&'], StringSplitOptions.RemoveEmptyEntries))
            found.UnionWith(MatchesOf(typed));
        if (found.Count == 0) return null;
        var scores = new int[_names.Count];
        foreach (var word in found)
        {
            var weight = word is "kepala" or "bidang" or "tenaga" or "kerja" ? Weak : Distinctive;
            foreach (var i in _holders[word]) scores[i] += weight;
        }
        var best = -1;
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] > 0 && (best < 0 || scores[i] > scores[best]) && _names[i] != self) best = i;
        return best < 0 ? null : (_names[best], scores[best]);
    }

    // The name words within their typo allowance of a typed word (the allowance is the name word's).
    private List<string> MatchesOf(string typed)
    {
        if (_matches.TryGetValue(typed, out var cached)) return cached;
        var matches = new List<string>();
        for (var length = typed.Length - 2; length <= typed.Length + 2; length++)
        {
            if (!_wordsByLength.TryGetValue(length, out var words)) continue;
            var allowed = EditDistance.Allowed(length);
            if (Math.Abs(length - typed.Length) > allowed) continue;
            matches.AddRange(words.Where(w => EditDistance.Between(typed, w, allowed) <= allowed));
        }
        return _matches[typed] = matches;
    }
}
