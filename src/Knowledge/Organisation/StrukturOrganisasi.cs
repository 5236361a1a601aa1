using System.Text.RegularExpressions;
using IkiBot.Knowledge.Language;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Organisation;

/// <summary>
/// Whom each jabatan reports to, read from its own text ("... kepada Kepala Bidang X", "... oleh Sekretaris").
/// Jabatan that say only "atasan" get the configured atasan, by default the Sekretaris.
/// </summary>
public sealed partial class StrukturOrganisasi
{
    public const string Sekretaris = "SEKRETARIS";
    public const string KepalaDinas = "KEPALA DINAS";

    [GeneratedRegex(@"\b(?:kepada|oleh)\s+(?<who>(?:kepala\s+)?(?:bidang|sekretaris|dinas)[^.;,]*|bupati|atasan)", RegexOptions.IgnoreCase)]
    private static partial Regex Mention();

    private readonly Dictionary<string, string?> _atasan = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order;

    public StrukturOrganisasi(KnowledgeBase kb, IReadOnlyDictionary<string, string>? overrides = null)
    {
        _order = kb.Jabatan.Select(j => j.Nama).ToList();
        var supervisors = kb.Jabatan.Where(j => IsSupervisor(j.Nama)).Select(j => j.Nama).ToList();
        foreach (var j in kb.Jabatan)
            _atasan[j.Nama] = ReadAtasan(j, supervisors, kb);
        foreach (var (bawahan, atasan) in overrides ?? new Dictionary<string, string>())
            if (kb.Find(bawahan) is { } b && kb.Find(atasan) is { } a) _atasan[b.Nama] = a.Nama;
    }

    public string? AtasanOf(string nama) => _atasan.GetValueOrDefault(nama);

    public IReadOnlyList<string> BawahanOf(string nama) =>
        _order.Where(n => string.Equals(_atasan.GetValueOrDefault(n), nama, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Everyone below a jabatan, at any depth.</summary>
    public IReadOnlyList<string> AllUnder(string nama)
    {
        var result = new List<string>();
        var queue = new Queue<string>(BawahanOf(nama));
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (result.Contains(next)) continue;
            result.Add(next);
            foreach (var b in BawahanOf(next)) queue.Enqueue(b);
        }
        return result;
    }

    private static bool IsSupervisor(string nama) =>
        nama is Sekretaris or KepalaDinas || nama.StartsWith("KEPALA BIDANG", StringComparison.Ordinal);

    private static string? ReadAtasan(Jabatan j, List<string> supervisors, KnowledgeBase kb)
    {
        if (j.Nama == KepalaDinas) return null;
        string? best = null;
        var bestScore = 0.0;
        foreach (var text in j.Tugas.Concat(j.Fungsi))
            foreach (Match m in Mention().Matches(text))
            {
                var who = m.Groups["who"].Value.ToLowerInvariant();
                if (who.StartsWith("bupati") || who.StartsWith("atasan")) continue;
                foreach (var s in supervisors.Where(s => s != j.Nama))
                {
                    var score = Overlap(who, s);
                    if (score > bestScore) (best, bestScore) = (s, score);
                }
            }
        if (best is not null) return best;
        if (SeksiByDuties(j, kb) is { } seksi) return seksi;
        return kb.Find(Sekretaris) is not null && j.Nama != Sekretaris ? Sekretaris : null;
    }

    private static readonly HashSet<string> CommonNameWords = ["seksi", "tenaga", "kerja", "dan", "kepala", "bidang", "sub", "bagian"];

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex Word();

    private static HashSet<string> WordsOf(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet();

    /// <summary>
    /// A staff jabatan that names no atasan ("... diberikan oleh atasan") belongs to the seksi whose own name words
    /// it carries: in its name (PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI), or, when the seksi name has at
    /// least two such words, anywhere in its duties and indicators (PENGADMINISTRASI INFORMASI PASAR KERJA prepares
    /// "Penyuluhan Prosedur Penempatan Tenaga Kerja Dalam Negeri"). Null when no seksi, or more than one equally, fits.
    /// </summary>
    private static string? SeksiByDuties(Jabatan j, KnowledgeBase kb)
    {
        if (j.Nama.StartsWith("SEKSI", StringComparison.Ordinal) || j.Nama.StartsWith("KEPALA", StringComparison.Ordinal)) return null;
        var name = WordsOf(j.Nama);
        var duties = WordsOf(string.Join(" ", j.Tugas.Concat(j.Fungsi).Concat(j.Indikator.SelectMany(r => new[] { r.Program, r.Uraian }))));
        duties.UnionWith(name);
        var fits = new List<(string Seksi, int Strength, int Words)>();
        foreach (var seksi in kb.Jabatan.Where(s => s.Nama.StartsWith("SEKSI ", StringComparison.Ordinal)))
        {
            var own = WordsOf(seksi.Nama).Where(w => !CommonNameWords.Contains(w)).ToList();
            if (own.Count == 0) continue;
            if (own.All(name.Contains)) fits.Add((seksi.Nama, 2, own.Count));
            else if (own.Count >= 2 && own.All(duties.Contains)) fits.Add((seksi.Nama, 1, own.Count));
        }
        var ranked = fits.OrderByDescending(f => f.Strength).ThenByDescending(f => f.Words).ToList();
        if (ranked.Count == 0) return null;
        if (ranked.Count > 1 && ranked[1].Strength == ranked[0].Strength && ranked[1].Words == ranked[0].Words) return null;
        return ranked[0].Seksi;
    }

    // How many of a supervisor's name words the mention contains (typos allowed), distinctive words counting more.
    private static double Overlap(string mention, string supervisor)
    {
        var mentionWords = mention.Split([' ', '/', '&'], StringSplitOptions.RemoveEmptyEntries);
        var score = 0.0;
        foreach (var word in JabatanNameMatcher.WordsOf(supervisor))
        {
            var found = mentionWords.Any(m => EditDistance.Between(m, word, EditDistance.Allowed(word.Length)) <= EditDistance.Allowed(word.Length));
            if (!found) continue;
            score += word is "kepala" or "bidang" or "tenaga" or "kerja" ? 0.1 : 1.0;
        }
        return score;
    }
}
