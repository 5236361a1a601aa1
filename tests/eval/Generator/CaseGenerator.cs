using System.Text.RegularExpressions;
using IkiBot.Knowledge.Model;

namespace IkiBot.Eval;

/// <summary>
/// Labelled questions and reports made from the document itself with a fixed seed. Questions: every jabatan x its
/// name forms x intent phrasings x casual noise, plus "who handles" questions from each jabatan's own distinctive
/// duty words and list requests. Reports: every countable row x phrasings, labelled by which of the jabatan's rows
/// hold all the words said (one row: store; several: ask with all of them), plus values that must be refused.
/// A (jabatan, name-form kind) pair, and a (jabatan, row) pair for reports, is held out with probability 0.3.
/// </summary>
public static partial class CaseGenerator
{
    public const int Seed = 20261201;
    private const double HeldOutShare = 0.3;

    private static readonly string[] TugasPhrasings =
    [
        "apa tugas {n}", "{n} tugasnya apa", "tupoksi {n}", "jobdesk {n} apa saja", "kerjaan {n} ngapain saja",
        "uraian tugas {n}", "{n} itu kerjanya apa", "tolong jelaskan tugas {n}", "tugas pokok {n} apa saja",
    ];
    private static readonly string[] FungsiPhrasings =
        ["fungsi {n} apa", "{n} fungsinya apa saja", "apa fungsi {n}", "uraian fungsi {n}", "peran {n} apa"];
    private static readonly string[] IndikatorPhrasings =
    [
        "indikator {n}", "iku {n} apa saja", "{n} dinilai dari apa", "target kinerja {n}", "kpi {n}",
        "apa yang harus dilaporkan {n}", "indikator kinerja {n} apa saja", "capaian kinerja {n} diukur dari apa",
    ];
    private static readonly string[] SiapaPhrasings =
    [
        "siapa yang ngurus {t}", "{t} ditangani seksi mana", "kalau soal {t} ke bagian mana", "{t} itu tanggung jawab siapa",
        "yang pegang {t} siapa", "urusan {t} dipegang siapa",
    ];
    private static readonly string[] DaftarPhrasings =
    [
        "daftar jabatan", "jabatan apa saja yang ada", "sebutkan semua jabatan di dinas", "list jabatan dong",
        "ada jabatan apa saja di disnaker", "struktur organisasi dinas", "semua seksi apa saja", "bidang apa saja yang ada",
        "siapa saja yang punya IKI", "list all jabatan", "show me the jabatan list", "jabatan yang ada apa aja",
        "minta daftar semua jabatan", "seluruh jabatan di dinas tenaga kerja", "daftar kepala seksi dan kepala bidang",
    ];
    private static readonly string[] FirstPerson =
        ["saya {n}, apa tugas saya", "aku {n}, tugasku apa saja", "sy {n}, indikator saya apa", "saya {n} mau tanya fungsi saya"];

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex Word();

    public static (List<AskCase> Questions, List<ReportCase> Reports) Generate(KnowledgeBase kb)
    {
        var rng = new Random(Seed);
        var split = new Random(Seed + 1);
        var heldOut = new Dictionary<string, bool>();
        bool IsHeldOut(string key)
        {
            if (!heldOut.TryGetValue(key, out var h)) heldOut[key] = h = split.NextDouble() < HeldOutShare;
            return h;
        }
        var questions = new List<AskCase>();
        var reports = new List<ReportCase>();
        var n = 0;
        void Ask(EvalPart part, string clean, string intent, params string[] jabatan) =>
            questions.Add(new AskCase($"gen-a{++n:D4}", part, Noise.Apply(clean, rng), intent, jabatan));

        foreach (var j in kb.Jabatan)
        {
            foreach (var form in EvalNameForms.Of(j))
            {
                var part = IsHeldOut(j.Nama + "|" + form.Kind) ? EvalPart.HeldOut : EvalPart.Seen;
                foreach (var (phrasings, intent) in new[] { (TugasPhrasings, "tugas"), (FungsiPhrasings, "fungsi"), (IndikatorPhrasings, "indikator") })
                    foreach (var p in Pick(phrasings, intent == "fungsi" ? 3 : 4, rng))
                        Ask(part, p.Replace("{n}", form.Text), intent, j.Nama);
                var fp = FirstPerson[rng.Next(FirstPerson.Length)];
                Ask(part, fp.Replace("{n}", form.Text), fp.Contains("indikator") ? "indikator" : fp.Contains("fungsi") ? "fungsi" : "tugas", j.Nama);
                // a negated jabatan drops out: "bukan <other>, tapi <this>"
                var other = kb.Jabatan[rng.Next(kb.Jabatan.Count)];
                if (other != j)
                    Ask(part, $"bukan {EvalNameForms.Of(other)[0].Text} tapi {form.Text}, tugasnya apa", "tugas", j.Nama);
            }
            foreach (var topic in DistinctTopics(kb, j).Take(4))
            {
                var part = IsHeldOut(j.Nama + "|topic:" + topic.Text) ? EvalPart.HeldOut : EvalPart.Seen;
                foreach (var p in Pick(SiapaPhrasings, 3, rng))
                    Ask(part, p.Replace("{t}", topic.Text), "siapa", topic.Owners.ToArray());
            }
        }
        foreach (var p in DaftarPhrasings)
            for (var k = 0; k < 2; k++)
                Ask(IsHeldOut("daftar|" + p) ? EvalPart.HeldOut : EvalPart.Seen, p, "daftar");

        GenerateReports(kb, rng, IsHeldOut, reports);
        return (questions, reports);
    }

    private static IEnumerable<string> Pick(string[] items, int count, Random rng) =>
        items.OrderBy(_ => rng.Next()).Take(count);

    // ---- who handles a topic ----

    private static readonly HashSet<string> Common =
    [
        "dan", "yang", "di", "ke", "dari", "untuk", "dengan", "pada", "serta", "atau", "oleh", "dalam", "lain", "lainnya",
        "tugas", "fungsi", "bidang", "seksi", "sub", "bagian", "kepala", "dinas", "tenaga", "kerja", "melaksanakan",
        "melakukan", "pelaksanaan", "penyusunan", "menyusun", "bahan", "penyiapan", "menyiapkan", "kegiatan", "program",
        "rencana", "laporan", "pelaporan", "memberikan", "saran", "pertimbangan", "kepada", "sekretaris", "diberikan",
        "sesuai", "terkait", "pembinaan", "koordinasi", "pengelolaan", "data", "jumlah", "dokumen", "dibuat", "kabupaten",
        "dll", "tugasnya", "fungsinya", "umum", "administrasi", "teknis", "urusan", "ketenagakerjaan", "pelayanan",
        "menjadi", "wewenang", "tentang", "akan", "tingkat", "instansi", "semua", "unsur", "lingkungan", "berdasarkan", "ditetapkan", "pedoman", "kebijakan", "lingkup",
    ];

    private sealed record Topic(string Text, List<string> Owners);

    /// <summary>Pairs of adjacent rare words from a jabatan's tugas; the owners are every jabatan whose text has both words.</summary>
    private static IEnumerable<Topic> DistinctTopics(KnowledgeBase kb, Jabatan j)
    {
        var texts = kb.Jabatan.ToDictionary(x => x.Nama, x => string.Join(' ', x.Tugas.Concat(x.Fungsi).Concat(x.Indikator.SelectMany(r => new[] { r.Program, r.Uraian }))).ToLowerInvariant());
        var wordsOf = texts.ToDictionary(t => t.Key, t => Word().Matches(t.Value).Select(m => m.Value).ToHashSet());
        var seen = new HashSet<string>();
        foreach (var tugas in j.Tugas)
        {
            var words = Word().Matches(tugas.ToLowerInvariant()).Select(m => m.Value).ToList();
            for (var i = 0; i + 1 < words.Count; i++)
            {
                var (a, b) = (words[i], words[i + 1]);
                if (Common.Contains(a) || Common.Contains(b) || a.Length < 4 || b.Length < 4) continue;
                var owners = wordsOf.Where(x => x.Value.Contains(a) && x.Value.Contains(b)).Select(x => x.Key).ToList();
                if (owners.Count is 0 or > 2 || !owners.Contains(j.Nama)) continue;
                var text = $"{a} {b}";
                if (seen.Add(text)) yield return new Topic(text, owners);
            }
        }
    }

    // ---- reports ----

    private static readonly string[] ReportPhrasings =
        ["{w} {v}", "lapor {w} {v}", "{w} bulan ini {v}", "{w} sebanyak {v}", "realisasi {w} {v}", "{w} {v} ya pak", "lapor pak, {w} ada {v}"];

    private static readonly string[] NumberWords =
        ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    private static readonly HashSet<string> NotTopic =
        ["jumlah", "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "serta", "atau", "oleh", "dalam", "lain", "lainnya", "dll", "per", "tiap", "sesuai", "bagi", "kepada", "terhadap", "melalui", "secara", "antara", "atas", "maupun", "setiap"];

    private static List<string> TopicWords(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => !NotTopic.Contains(w) && w.Length > 1).ToList();

    private static void GenerateReports(KnowledgeBase kb, Random rng, Func<string, bool> isHeldOut, List<ReportCase> reports)
    {
        var n = 0;
        foreach (var j in kb.Jabatan)
        {
            var rows = j.Indikator.Where(r => !r.TidakTerukur).ToList();
            var wordsOf = rows.ToDictionary(r => r.No, r => TopicWords(string.Join(' ', new[] { r.Uraian, r.Program }.Concat(r.Rincian))).ToHashSet());
            foreach (var row in rows)
            {
                var part = isHeldOut(j.Nama + "#" + row.No) ? EvalPart.HeldOut : EvalPart.Seen;
                var indicator = TopicWords(row.Uraian).Take(6).ToList();
                var distinct = TopicWords(row.Program).Where(w => w.Length > 3 && rows.Count(r => wordsOf[r.No].Contains(w)) == 1).Distinct().Take(2).ToList();
                var sayings = new List<List<string>> { indicator };
                if (distinct.Count > 0) sayings.Add(indicator.Take(3).Concat(distinct).Distinct().ToList());
                foreach (var said in sayings.Where(s => s.Count > 0))
                {
                    // Rows that hold every word said; among them, the rows whose whole indicator text was said win.
                    var holders = rows.Where(r => said.All(w => wordsOf[r.No].Contains(w))).ToList();
                    var exact = holders.Where(r => TopicWords(r.Uraian).All(said.Contains)).ToList();
                    var fits = (exact.Count > 0 ? exact : holders).Select(r => r.No).ToList();
                    if (!fits.Contains(row.No)) continue;
                    var expect = fits.Count == 1 ? "ok" : fits.Count <= 5 ? "clarify" : "notstored";
                    foreach (var p in Pick(ReportPhrasings, 3, rng))
                    {
                        var value = rng.Next(1, 200);
                        var v = value < NumberWords.Length && rng.NextDouble() < 0.3 ? NumberWords[value] : value.ToString();
                        var text = Noise.Apply(p.Replace("{w}", string.Join(' ', said)).Replace("{v}", v), rng);
                        reports.Add(new ReportCase($"gen-r{++n:D4}", part, j.Nama, text, expect, expect == "ok" ? [row.No] : fits, value));
                    }
                }
                // values that must never be stored
                var w = string.Join(' ', indicator.Count > 0 ? indicator : TopicWords(row.Program).Take(4));
                foreach (var bad in new[] { "50.000", "99999999999999999999", "dua puluh dua puluh", "-4", "2,5", "", "12 atau 13" })
                    reports.Add(new ReportCase($"gen-r{++n:D4}", part, j.Nama, $"{w} {bad}".Trim(), "reject", [], null));
            }
            // another jabatan's row that fits none of this jabatan's rows
            var foreign = kb.Jabatan.Where(o => o != j).SelectMany(o => o.Indikator.Where(r => !r.TidakTerukur))
                .Select(r => TopicWords(r.Uraian).Concat(TopicWords(r.Program)).Where(x => x.Length > 4).Distinct().Take(3).ToList())
                .Where(ws => ws.Count == 3 && !rows.Any(r => ws.Count(x => wordsOf[r.No].Contains(x)) >= 1))
                .OrderBy(_ => rng.Next()).Take(4);
            foreach (var ws in foreign)
                reports.Add(new ReportCase($"gen-r{++n:D4}", isHeldOut(j.Nama + "#foreign") ? EvalPart.HeldOut : EvalPart.Seen,
                    j.Nama, Noise.Apply($"{string.Join(' ', ws)} {rng.Next(1, 50)}", rng), "reject", [], null));
        }
    }
}
