using System.Text.RegularExpressions;
using IkiBot.Knowledge.Model;

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
    private readonly Dictionary<string, List<string>> _bawahan = new(StringComparer.OrdinalIgnoreCase);

    public StrukturOrganisasi(KnowledgeBase kb, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var supervisors = new SupervisorIndex(kb.Jabatan.Where(j => IsSupervisor(j.Nama)).Select(j => j.Nama));
        var seksi = new SeksiIndex(kb.Jabatan.Select(j => j.Nama).Where(n => n.StartsWith("SEKSI ", StringComparison.Ordinal)));
        var sekretaris = kb.Jabatan.Where(j => IsSekretaris(j.Nama)).Select(j => (j.Nama, Words: WordsOf(j.Nama))).ToList();
        foreach (var j in kb.Jabatan)
            _atasan[j.Nama] = ReadAtasan(j, supervisors, seksi, sekretaris);
        foreach (var (bawahan, atasan) in overrides ?? new Dictionary<string, string>())
            if (kb.Find(bawahan) is { } b && kb.Find(atasan) is { } a) _atasan[b.Nama] = a.Nama;
        foreach (var nama in kb.Jabatan.Select(j => j.Nama))
            if (_atasan.GetValueOrDefault(nama) is { } atasan)
            {
                if (!_bawahan.TryGetValue(atasan, out var list)) _bawahan[atasan] = list = [];
                list.Add(nama);
            }
    }

    public string? AtasanOf(string nama) => _atasan.GetValueOrDefault(nama);

    public IReadOnlyList<string> BawahanOf(string nama) => _bawahan.TryGetValue(nama, out var list) ? list : [];

    /// <summary>Everyone below a jabatan, at any depth.</summary>
    public IReadOnlyList<string> AllUnder(string nama)
    {
        var result = new List<string>();
        var seen = new HashSet<string>();
        var queue = new Queue<string>(BawahanOf(nama));
        while (queue.Count > 0)
        {
            var next = queue.Dequeue();
            if (!seen.Add(next)) continue;
            result.Add(next);
            foreach (var b in BawahanOf(next)) queue.Enqueue(b);
        }
        return result;
    }

    // A document of several offices names each office's heads with its own suffix ("SEKRETARIS WILAYAH 001").
    private static bool IsKepalaDinas(string nama) => nama == KepalaDinas || nama.StartsWith(KepalaDinas + " ", StringComparison.Ordinal);

    private static bool IsSekretaris(string nama) => nama == Sekretaris || nama.StartsWith(Sekretaris + " ", StringComparison.Ordinal);

    private static bool IsSupervisor(string nama) =>
        IsSekretaris(nama) || IsKepalaDinas(nama) || nama.StartsWith("KEPALA BIDANG", StringComparison.Ordinal);

    private static string? ReadAtasan(Jabatan j, SupervisorIndex supervisors, SeksiIndex seksi, List<(string Nama, HashSet<string> Words)> sekretaris)
    {
        if (IsKepalaDinas(j.Nama)) return null;
        string? best = null;
        var bestScore = 0;
        foreach (var text in j.Tugas.Concat(j.Fungsi))
            foreach (Match m in Mention().Matches(text))
            {
                var who = m.Groups["who"].Value.ToLowerInvariant();
                if (who.StartsWith("bupati") || who.StartsWith("atasan")) continue;
                if (supervisors.Best(who, j.Nama) is { } found && found.Score > bestScore) (best, bestScore) = found;
            }
        if (best is not null) return best;
        if (SeksiByDuties(j, seksi) is { } s) return s;
        return SekretarisOf(j.Nama, sekretaris);
    }

    /// <summary>The Sekretaris of the jabatan's own office: the only one, or the one whose name shares most words with it.</summary>
    private static string? SekretarisOf(string nama, List<(string Nama, HashSet<string> Words)> sekretaris)
    {
        if (sekretaris.Count <= 1) return sekretaris.Count == 1 && sekretaris[0].Nama != nama ? sekretaris[0].Nama : null;
        var words = WordsOf(nama);
        return sekretaris.Where(s => s.Nama != nama).OrderByDescending(s => s.Words.Count(words.Contains)).Select(s => s.Nama).FirstOrDefault();
    }

    private static readonly HashSet<string> CommonNameWords = ["seksi", "tenaga", "kerja", "dan", "kepala", "bidang", "sub", "bagian"];

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Word();

    private static HashSet<string> WordsOf(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet();

    /// <summary>A seksi's own name words: those not every unit name has ("seksi", "tenaga", "kerja" ...).</summary>
    internal static List<string> OwnNameWords(string seksi) => WordsOf(seksi).Where(w => !CommonNameWords.Contains(w)).ToList();

    /// <summary>
    /// A staff jabatan that names no atasan ("... diberikan oleh atasan") belongs to the seksi whose own name words
    /// it carries: in its name (PENGADMINISTRASI PENEMPATAN TENAGA KERJA LUAR NEGERI), or, when the seksi name has at
    /// least two such words, anywhere in its duties and indicators (PENGADMINISTRASI INFORMASI PASAR KERJA prepares
    /// "Penyuluhan Prosedur Penempatan Tenaga Kerja Dalam Negeri"). Null when no seksi, or more than one equally, fits.
    /// </summary>
    private static string? SeksiByDuties(Jabatan j, SeksiIndex seksi)
    {
        if (j.Nama.StartsWith("SEKSI", StringComparison.Ordinal) || j.Nama.StartsWith("KEPALA", StringComparison.Ordinal)) return null;
        var name = WordsOf(j.Nama);
        var duties = WordsOf(string.Join(" ", j.Tugas.Concat(j.Fungsi).Concat(j.Indikator.SelectMany(r => new[] { r.Program, r.Uraian }))));
        duties.UnionWith(name);
        return seksi.Fitting(name, duties);
    }
}
