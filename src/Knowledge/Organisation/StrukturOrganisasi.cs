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
        return kb.Find(Sekretaris) is not null && j.Nama != Sekretaris ? Sekretaris : null;
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
