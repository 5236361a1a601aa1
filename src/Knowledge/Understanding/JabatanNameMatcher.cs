using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Understanding;

/// <summary>
/// Finds which jabatan a message names ("kasubag keuangan", "kasi PHI"): an IDF-weighted F-measure between the
/// words of each official name and the name-like words of the message, tolerant of typos but not of stemming
/// (stemming would make PENGADMINISTRASI UMUM and ADMINISTRASI UMUM the same).
/// </summary>
public sealed class JabatanNameMatcher
{
    private readonly List<(string Nama, string[] Words)> _names;
    private readonly Dictionary<string, double> _weight = [];

    private readonly NameForms? _forms;

    public JabatanNameMatcher(KnowledgeBase kb, NameForms? forms = null)
    {
        _forms = forms;
        _names = kb.Jabatan.Select(j => (j.Nama, WordsOf(j.Nama))).ToList();
        var n = _names.Count;
        var df = new Dictionary<string, int>();
        foreach (var word in _names.SelectMany(x => x.Words)) df[word] = df.GetValueOrDefault(word) + 1; // a name's words are distinct
        foreach (var (word, count) in df) _weight[word] = Math.Log(1.0 + (double)n / count);
    }

    public static string[] WordsOf(string nama) =>
        nama.ToLowerInvariant().Replace("&", " ").Split([' ', ',', '.', '/', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w != "dan").Distinct().ToArray();

    public IReadOnlyList<RankedJabatan> Rank(ReadMessage message)
    {
        // Only words that belong to some official name take part; "apa", "tugas", topics are not names.
        // A typed word and its expansion form one group: "naker" is satisfied by KETENAGAKERJAAN or by TENAGA KERJA.
        var joined = JoinedAliases(message);
        var typed = message.Words
            .Where(w => !Glossary.TugasWords.Contains(w.Text) && !Glossary.FungsiWords.Contains(w.Text)
                        && !Glossary.IndikatorWords.Contains(w.Text) && !joined.Consumed.Contains(w.Typed))
            .GroupBy(w => w.Typed)
            .ToList();
        // "jamsos" is one unit's short form and also the start of JAMSOSTEK: each reading is scored, a name keeps its best.
        var alsoPrefix = typed.Select(g => g.Key).Where(t => AliasGroups(t) is not null).ToDictionary(t => t, PrefixWord)
            .Where(x => x.Value is not null).ToDictionary(x => x.Key, x => x.Value!);
        var best = new Dictionary<string, double>();
        foreach (var prefixReading in alsoPrefix.Count > 0 ? [false, true] : new[] { false })
        {
            var groups = typed
                .SelectMany(g => prefixReading && alsoPrefix.TryGetValue(g.Key, out var whole) ? [[whole]]
                    : AliasGroups(g.Key) ?? [g.Select(w => ClosestNameWord(w.Text)).OfType<string>().Distinct().ToList()])
                .Concat(joined.Aliases.SelectMany(a => AliasGroups(a)!))
                .Where(g => g.Count > 0)
                .ToList();
            foreach (var (nama, score) in Score(groups))
                if (score > best.GetValueOrDefault(nama)) best[nama] = score;
        }
        var ranked = best.Select(b => new RankedJabatan(b.Key, b.Value)).ToList();

        // "kabid jamsos": a role word names the level; a unit of another level only wins when none of this level fits.
        if (LevelNamed(message) is { } level && ranked.Any(r => r.Nama.StartsWith(level, StringComparison.Ordinal) && r.Score >= LevelFloor))
            ranked = ranked.Select(r => r.Nama.StartsWith(level, StringComparison.Ordinal) ? r : r with { Score = r.Score * OtherLevel }).ToList();
        return ranked.OrderByDescending(r => r.Score).ToList();
    }

    private IEnumerable<(string Nama, double Score)> Score(List<List<string>> groups)
    {
        if (groups.Count == 0) yield break;
        // "kasi" or "kabid" alone names a level, not a jabatan.
        if (groups.SelectMany(g => g).All(w => !IsDistinctive(w))) yield break;
        var named = groups.SelectMany(g => g).ToHashSet();
        var queryWeight = groups.Sum(g => g.Max(w => _weight[w]));
        foreach (var (nama, words) in _names)
        {
            var matched = words.Where(named.Contains).ToList();
            if (matched.Count == 0) continue;
            var recall = matched.Sum(w => _weight[w]) / words.Sum(w => _weight[w]);
            var precision = groups.Sum(g => g.Where(words.Contains).Select(w => _weight[w]).DefaultIfEmpty(0).Max()) / queryWeight;
            yield return (nama, 2 * precision * recall / (precision + recall));
        }
    }

    /// <summary>The one name word a unit's short form also begins ("jamsos" -> "jamsostek"), when it is not a word of that unit.</summary>
    private string? PrefixWord(string alias) =>
        NameWordStarting(alias) is { } whole && !AliasGroups(alias)!.Any(g => g.Contains(whole)) ? whole : null;

    /// <summary>"keu", "kepeg", "jamsos": the one name word a typed start stands for, if exactly one begins with it.</summary>
    private string? NameWordStarting(string word)
    {
        if (word.Length < 4 || Glossary.StopWords.Contains(word)) return null;
        var starts = _weight.Keys.Where(k => k.Length > word.Length + 1 && k.StartsWith(word, StringComparison.Ordinal)).Take(2).ToList();
        return starts.Count == 1 ? starts[0] : null;
    }

    private const double LevelFloor = 0.4;
    private const double OtherLevel = 0.6;

    private static string? LevelNamed(ReadMessage message) =>
        message.Typed.Select(w => w.Typed switch
        {
            "kabid" or "kabidnya" => "KEPALA BIDANG ",
            "kasi" or "kasie" or "kasinya" => "SEKSI ",
            "kasubag" or "kasubbag" or "kasub" or "kasubagnya" => "KEPALA SUB BAGIAN ",
            _ => null,
        }).FirstOrDefault(l => l is not null);

    /// <summary>"ppkk", "monev", "tki": a short form of a unit's name stands for each of the unit's words.</summary>
    private List<List<string>>? AliasGroups(string typed)
    {
        if (_forms is null || !_forms.Aliases.TryGetValue(typed, out var units)) return null;
        return units.SelectMany(u => u).Distinct().Where(_weight.ContainsKey).Select(w => new List<string> { w }).ToList();
    }

    /// <summary>"ptk ln", "p & pkk": short typed words that together are a unit's short form.</summary>
    private (List<string> Aliases, HashSet<string> Consumed) JoinedAliases(ReadMessage message)
    {
        var aliases = new List<string>();
        var consumed = new HashSet<string>();
        if (_forms is null) return (aliases, consumed);
        var typed = message.Typed.Select(w => w.Typed).ToList();
        for (var i = 0; i + 1 < typed.Count; i++)
        {
            if (typed[i].Length > 5 || typed[i + 1].Length > 4) continue;
            foreach (var (joined, used) in new[] { (typed[i] + typed[i + 1], 2), (i + 2 < typed.Count && typed[i + 1] == "dan" ? typed[i] + typed[i + 2] : "", 3) })
                if (joined.Length > 0 && _forms.Aliases.ContainsKey(joined))
                {
                    aliases.Add(joined);
                    consumed.UnionWith(typed.Skip(i).Take(used).Where(t => t != "dan"));
                    break;
                }
        }
        return (aliases, consumed);
    }

    private bool IsDistinctive(string word) => _weight[word] >= Math.Log(1.0 + _names.Count / 5.0);

    private string? ClosestNameWord(string word)
    {
        if (_weight.ContainsKey(word)) return word;
        if (NameWordStarting(word) is { } whole) return whole;
        var allowed = EditDistance.Allowed(word.Length);
        if (allowed == 0) return null;
        return _weight.Keys
            .Select(k => (k, d: EditDistance.Between(word, k, allowed)))
            .Where(x => x.d <= allowed)
            .OrderBy(x => x.d)
            .Select(x => x.k)
            .FirstOrDefault();
    }
}
