using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Language;

/// <summary>
/// The short forms staff make from a unit's own name, derived from the document for every jabatan: initials of the
/// unit's words with "dan" dropped ("ppkk") or kept ("pdpkk"), a doubled letter written as a digit ("p2kk"), and the
/// office's field shortenings (<see cref="FieldShortenings"/>). Each short form stands for the unit's name words;
/// the level (kasi, kabid, staf ...) comes from the other words of the message.
/// </summary>
public sealed class NameForms
{
    /// <summary>Level prefixes of the document's names and the role words staff write for them.</summary>
    public static readonly IReadOnlyList<(string Prefix, string[] Roles)> Levels =
    [
        ("KEPALA SUB BAGIAN ", ["kasubag", "kasubbag", "kepala subbag", "kasub"]),
        ("KEPALA BIDANG ", ["kabid", "kepala bidang"]),
        ("SEKSI ", ["kasi", "kasie", "kepala seksi", "seksi"]),
        ("PENGADMINISTRASI ", ["pengadministrasi", "staf", "petugas", "pelaksana"]),
    ];

    /// <summary>Words of the office for a field, each standing for the name words it shortens.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldShortenings = new Dictionary<string, string>
    {
        ["naker"] = "ketenagakerjaan",
        ["bangnaker"] = "pengembangan ketenagakerjaan",
        ["pengembangan"] = "pengembangan ketenagakerjaan",
        ["penta"] = "penempatan perluasan kesempatan kerja",
        ["binapenta"] = "penempatan perluasan kesempatan kerja",
        ["monev"] = "monitoring evaluasi",
        ["jamsos"] = "jaminan sosial",
        ["hi"] = "hubungan industrial",
        ["lattas"] = "pelatihan",
        ["datin"] = "pendataan informasi",
        ["syaker"] = "syarat kerja",
        ["umpeg"] = "kepegawaian",
        ["renprog"] = "penyusunan program",
        ["tki"] = "penempatan tenaga kerja luar negeri",
        ["pmi"] = "penempatan tenaga kerja luar negeri",
        ["ptkln"] = "penempatan tenaga kerja luar negeri",
        ["ptkdn"] = "penempatan tenaga kerja dalam negeri",
        ["akad"] = "penempatan tenaga kerja dalam negeri",
        ["akl"] = "penempatan tenaga kerja dalam negeri",
    };

    private readonly Dictionary<string, List<string[]>> _aliases = [];
    private readonly Dictionary<string, List<string>> _forms = [];

    public NameForms(KnowledgeBase kb, IReadOnlySet<string> documentWords)
    {
        var units = kb.Jabatan.Select(j => (j.Nama, Level: Split(j.Nama).Roles, Unit: Split(j.Nama).Unit)).ToList();
        var unitWords = units.Select(u => Words(u.Unit)).ToList();
        var shorts = new Dictionary<string, List<string>>(); // jabatan -> its short forms
        foreach (var (nama, _, unit) in units)
        {
            shorts[nama] = [];
            foreach (var alias in InitialismsOf(unit))
            {
                // A short form that is a word of the document or a known abbreviation keeps its own meaning.
                if (alias.Length < 2 || documentWords.Contains(alias) || Glossary.Expansions.ContainsKey(alias) && !FieldShortenings.ContainsKey(alias)) continue;
                Add(alias, Words(unit));
                shorts[nama].Add(alias);
            }
        }
        foreach (var (shortening, full) in FieldShortenings)
        {
            // A field word found in one unit only stands for that whole unit ("syaker" = syarat kerja, upah dan jaminan sosial).
            var fieldWords = full.Split(' ');
            var holders = Enumerable.Range(0, units.Count).Where(i => fieldWords.All(unitWords[i].Contains)).ToList();
            var distinctUnits = holders.Select(i => string.Join(' ', unitWords[i])).Distinct().ToList();
            _aliases[shortening] = distinctUnits.Count == 1 ? [unitWords[holders[0]]] : [fieldWords];
            if (distinctUnits.Count == 1)
                foreach (var i in holders) shorts[units[i].Nama].Add(shortening);
        }
        // how many units of each level have each short form
        var holding = new Dictionary<string[], Dictionary<string, int>>(ReferenceEqualityComparer.Instance);
        foreach (var u in units)
        {
            if (!holding.TryGetValue(u.Level, out var counts)) holding[u.Level] = counts = [];
            foreach (var a in shorts[u.Nama].Distinct()) counts[a] = counts.GetValueOrDefault(a) + 1;
        }
        foreach (var (nama, roles, unit) in units)
        {
            var written = new List<string> { unit.ToLowerInvariant() };
            // list a short form only where it names this unit alone among the units of its level
            written.AddRange(shorts[nama].Distinct().Where(a => holding[roles][a] == 1));
            _forms[nama] = roles.Length == 0 ? written : roles.SelectMany(r => written.Select(w => $"{r} {w}")).ToList();
        }
    }

    /// <summary>Short form -> the name words it stands for (several units when the short form is shared).</summary>
    public IReadOnlyDictionary<string, List<string[]>> Aliases => _aliases;

    /// <summary>Every written form of a jabatan's name this class derives (role word + unit form), for listing and tests.</summary>
    public IReadOnlyList<string> FormsOf(string nama) => _forms.TryGetValue(nama, out var f) ? f : [];

    public static (string[] Roles, string Unit) Split(string nama)
    {
        foreach (var (prefix, roles) in Levels)
            if (nama.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return (roles, nama[prefix.Length..]);
        return ([], nama);
    }

    public static string[] Words(string unit) =>
        unit.ToLowerInvariant().Replace("&", " ").Split([' ', ',', '.', '/', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w != "dan").ToArray();

    /// <summary>"PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA" -> ppkk, pdpkk, p2kk.</summary>
    public static IEnumerable<string> InitialismsOf(string unit)
    {
        var all = unit.ToLowerInvariant().Replace("&", " dan ").Split([' ', ',', '.', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
        var content = all.Where(w => w != "dan").ToArray();
        if (content.Length < 2) yield break;
        var without = string.Concat(content.Select(w => w[0]));
        var with = string.Concat(all.Select(w => w[0]));
        foreach (var form in new[] { without, with }.Distinct())
        {
            yield return form;
            var digit = Doubled(form);
            if (digit != form) yield return digit;
        }
    }

    private static string Doubled(string initials)
    {
        for (var i = 0; i + 1 < initials.Length; i++)
            if (initials[i] == initials[i + 1]) return initials[..(i + 1)] + "2" + initials[(i + 2)..];
        return initials;
    }

    private void Add(string alias, string[] words)
    {
        if (!_aliases.TryGetValue(alias, out var list)) _aliases[alias] = list = [];
        if (!list.Any(l => l.SequenceEqual(words))) list.Add(words);
    }
}
