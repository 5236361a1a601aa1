using System.Text;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Organisation;
using IkiBot.Knowledge.Search;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Knowledge.Answers;

/// <summary>Writes the bot's Indonesian answers: short, in lists, with the document's text as written.</summary>
public sealed class AnswerWriter(KnowledgeBase kb, StrukturOrganisasi struktur)
{
    public Answer Write(Interpretation interpretation)
    {
        switch (interpretation.SmallTalk)
        {
            case SmallTalk.Greeting: return Greeting();
            case SmallTalk.Thanks: return new("Sama-sama. Silakan bertanya lagi kapan saja.");
            case SmallTalk.AboutIki: return AboutIki();
            case SmallTalk.OutOfScope: return OutOfScope();
        }
        if (interpretation.NeedsChoice) return Clarify(interpretation.Intent, interpretation.Jabatan.Select(j => j.Nama).ToList());
        var first = interpretation.Jabatan.FirstOrDefault();
        var jabatan = first is null ? null : kb.Find(first.Nama);
        return interpretation.Intent switch
        {
            Intent.Daftar => Daftar(),
            Intent.Siapa when interpretation.Jabatan.Count > 0 => Siapa(interpretation.Jabatan),
            Intent.Atasan when jabatan is not null => Kedudukan(jabatan, interpretation.AsksHolder),
            Intent.Atasan => new("Sebutkan jabatannya, misalnya: \"atasan kasi PHI\" atau \"bawahan kabid pelatihan\"."),
            Intent.Tugas when jabatan is not null => Tugas(jabatan),
            Intent.Fungsi when jabatan is not null => Fungsi(jabatan),
            Intent.Indikator when jabatan is not null => Indikator(jabatan),
            _ => Help(),
        };
    }

    public Answer Tugas(Jabatan j) =>
        new(Title($"Tugas {j.Nama}") + Lettered(j.Tugas, "Tugas belum dirinci dalam dokumen IKI."), FollowUps(j, Intent.Tugas));

    public Answer Fungsi(Jabatan j) =>
        new(Title($"Fungsi {j.Nama}") + Lettered(j.Fungsi, "Fungsi jabatan ini tidak dirinci dalam dokumen IKI."), FollowUps(j, Intent.Fungsi));

    public Answer Indikator(Jabatan j)
    {
        var text = new StringBuilder(Title($"Indikator kinerja {j.Nama} ({j.Indikator.Count} baris)"));
        if (j.Indikator.Count == 0) text.Append("Belum ada indikator dalam dokumen IKI.");
        foreach (var row in j.Indikator)
        {
            var uraian = row.TidakTerukur ? $"{(string.IsNullOrWhiteSpace(row.Uraian) ? "(kosong)" : row.Uraian)} — tidak ada yang dihitung" : row.Uraian;
            text.Append($"{row.No}. {uraian}\n");
            text.Append($"   Program: {row.Program}\n");
            foreach (var rincian in row.Rincian) text.Append($"   • {rincian}\n");
        }
        return new Answer(text.ToString().TrimEnd(), FollowUps(j, Intent.Indikator));
    }

    public Answer Siapa(IReadOnlyList<RankedJabatan> ranked)
    {
        var text = new StringBuilder(Title($"Yang menangani: {ranked[0].Nama}"));
        for (var i = 0; i < ranked.Count; i++)
        {
            text.Append($"{i + 1}. {ranked[i].Nama}\n");
            foreach (var p in ranked[i].Evidence.Take(1))
                text.Append($"   {KindLabel(p.Kind)}: {p.Text.Split(" ; ")[0]}\n");
        }
        var choices = ranked.Select(r => new Choice($"Tugas {r.Nama}", $"/tugas {r.Nama}")).ToList();
        return new Answer(text.ToString().TrimEnd(), choices);
    }

    /// <summary>Where a jabatan stands: its atasan and the jabatan directly under it, from the organisation tree.</summary>
    public Answer Kedudukan(Jabatan j, bool asksHolder = false)
    {
        var atasan = struktur.AtasanOf(j.Nama);
        var text = new StringBuilder(Title($"Kedudukan {j.Nama}"));
        text.Append(atasan is not null ? $"Atasan langsung: {atasan}\n" : "Atasan langsung: tidak ada di dalam dinas (jabatan tertinggi)\n");
        var bawahan = struktur.BawahanOf(j.Nama);
        if (bawahan.Count > 0)
        {
            text.Append($"Membawahi ({bawahan.Count}):\n");
            foreach (var b in bawahan) text.Append($"• {b}\n");
        }
        else text.Append("Membawahi: tidak ada jabatan di bawahnya\n");
        if (asksHolder) text.Append("Nama pejabat tidak tercantum dalam dokumen IKI.\n");
        var choices = FollowUps(j, Intent.Atasan).ToList();
        if (atasan is not null) choices.Add(new Choice("Atasannya", $"atasan {atasan}"));
        return new Answer(text.ToString().TrimEnd(), choices);
    }

    private Answer? _daftar;

    /// <summary>The list of every jabatan: written once per document (a snapshot's document does not change).</summary>
    public Answer Daftar() => _daftar ??= WriteDaftar();

    private Answer WriteDaftar()
    {
        var text = new StringBuilder(Title($"Jabatan di Dinas Tenaga Kerja ({kb.Jabatan.Count})"));
        var listed = new HashSet<string>();
        var kepala = kb.Find(StrukturOrganisasi.KepalaDinas);
        if (kepala is not null) { text.Append($"{kepala.Nama}\n"); listed.Add(kepala.Nama); }
        var tops = kepala is null ? kb.Jabatan.Where(j => struktur.AtasanOf(j.Nama) is null).Select(j => j.Nama).ToList()
                                  : struktur.BawahanOf(kepala.Nama).ToList();
        foreach (var top in tops.OrderBy(t => t == StrukturOrganisasi.Sekretaris ? 0 : 1))
        {
            text.Append($"\n{GroupTitle(top)}\n• {top}\n");
            listed.Add(top);
            foreach (var under in struktur.AllUnder(top))
            {
                text.Append($"  – {under}\n");
                listed.Add(under);
            }
        }
        var rest = kb.Jabatan.Select(j => j.Nama).Where(n => !listed.Contains(n)).ToList();
        if (rest.Count > 0) text.Append("\nLainnya\n").Append(string.Join("\n", rest.Select(r => $"• {r}"))).Append('\n');
        text.Append("\nTanyakan misalnya: \"tugas kasi PHI\" atau \"indikator bendahara\".");
        return new Answer(text.ToString().TrimEnd());
    }

    public Answer Clarify(Intent intent, IReadOnlyList<string> candidates) =>
        ClarifyJabatan(candidates, intent switch
        {
            Intent.Fungsi => "/fungsi",
            Intent.Indikator => "/indikator",
            Intent.Atasan => "atasan", // read again as a question: "atasan <NAMA>"
            _ => "/tugas",
        });

    /// <summary>"Maksud Anda jabatan yang mana?" with numbered candidates; each choice sends "command NAMA".</summary>
    public Answer ClarifyJabatan(IReadOnlyList<string> candidates, string command)
    {
        var text = new StringBuilder("Maksud Anda jabatan yang mana?\n");
        for (var i = 0; i < candidates.Count; i++) text.Append($"{i + 1}. {candidates[i]}\n");
        text.Append("Balas dengan nomornya.");
        return new Answer(text.ToString(), candidates.Select(c => new Choice(c, $"{command} {c}")).ToList()) { ChoicesInText = true };
    }

    public Answer UnknownJabatan(string typed) =>
        new($"Jabatan \"{Shorten(typed)}\" tidak ditemukan. Ketik /jabatan untuk melihat daftar jabatan.");

    public static Answer Greeting() => new(
        "Halo! Saya menjawab pertanyaan tentang tugas, fungsi dan indikator kinerja jabatan di Dinas Tenaga Kerja " +
        "menurut dokumen IKI. Contoh: \"apa tugas kasi PHI?\", \"siapa yg ngurus IMTA?\", \"daftar jabatan\".");

    public Answer AboutIki() => new(
        "IKI adalah Indikator Kinerja Individu: dokumen yang menuliskan, untuk setiap jabatan di Dinas Tenaga Kerja, " +
        $"tugas, fungsi dan indikator yang dipakai untuk menilai kinerjanya ({kb.Jabatan.Count} jabatan). " +
        "Tanyakan misalnya \"indikator bendahara\" atau ketik /jabatan untuk daftarnya.");

    public static Answer OutOfScope() => new(
        "Maaf, hal itu di luar isi dokumen IKI. Saya hanya bisa menjawab tugas, fungsi dan indikator kinerja jabatan " +
        "di Dinas Tenaga Kerja, dan siapa yang menangani suatu urusan. Ketik /bantuan untuk contoh.");

    public static Answer Help() => new(
        "Maaf, saya belum memahami pertanyaan itu. Contoh yang bisa saya jawab:\n" +
        "• apa tugas Seksi PHI?\n" +
        "• indikator kasubag keuangan\n" +
        "• fungsi kabid pelatihan\n" +
        "• siapa yg ngurus IMTA?\n" +
        "• daftar jabatan\n" +
        "Ketik /bantuan untuk semua perintah.");

    private static string Title(string title) => $"*{title}*\n";

    private static string Lettered(IReadOnlyList<string> items, string empty)
    {
        if (items.Count == 0) return empty;
        if (items.Count == 1) return items[0];
        return string.Join("\n", items.Select((t, i) => $"{Letter(i)}. {t}"));
    }

    private static string Letter(int i) => i < 26 ? ((char)('a' + i)).ToString() : (i + 1).ToString();

    private static IReadOnlyList<Choice> FollowUps(Jabatan j, Intent shown) =>
        new[] { (Intent.Tugas, "Tugas", "/tugas"), (Intent.Fungsi, "Fungsi", "/fungsi"), (Intent.Indikator, "Indikator", "/indikator") }
            .Where(x => x.Item1 != shown)
            .Select(x => new Choice(x.Item2, $"{x.Item3} {j.Nama}"))
            .ToList();

    private static string KindLabel(PassageKind kind) => kind switch
    {
        PassageKind.Tugas => "Tugas",
        PassageKind.Fungsi => "Fungsi",
        _ => "Indikator",
    };

    private static string GroupTitle(string top) =>
        top == StrukturOrganisasi.Sekretaris ? "Sekretariat"
        : top.StartsWith("KEPALA BIDANG ") ? "Bidang " + ToTitle(top["KEPALA BIDANG ".Length..])
        : ToTitle(top);

    private static string ToTitle(string upper) =>
        string.Join(' ', upper.ToLowerInvariant().Split(' ').Select(w => w is "dan" or "&" ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
