namespace IkiBot.Knowledge.Language;

/// <summary>
/// Everyday words for situations staff and citizens describe, tied to the terms the document uses for the duty that
/// handles them (a test checks every target word is in the document): a dismissal is a PHK, a strike a mogok kerja /
/// perselisihan, a job fair a pameran bursa kerja, working abroad a penempatan TKI ke luar negeri, a training wish pelatihan kerja.
/// </summary>
public static class Situations
{
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["dipecat"] = "phk pemutusan hubungan kerja",
        ["pecat"] = "phk pemutusan hubungan kerja",
        ["pemecatan"] = "phk pemutusan hubungan kerja",
        ["diberhentikan"] = "phk pemutusan hubungan kerja",
        ["dirumahkan"] = "phk pemutusan hubungan kerja",
        ["pesangon"] = "phk perselisihan",
        ["mogok"] = "mogok perselisihan",
        ["demo"] = "mogok perselisihan",
        ["unjuk"] = "mogok perselisihan",
        ["sengketa"] = "perselisihan",
        ["bipartit"] = "bipartit perselisihan",
        ["pameran"] = "pameran bursa",
        ["kursus"] = "pelatihan",
        ["training"] = "pelatihan",
        ["diklat"] = "pelatihan",
        ["kompetensi"] = "kompetensi pelatihan",
        ["malaysia"] = "luar negeri tki",
        ["taiwan"] = "luar negeri tki",
        ["hongkong"] = "luar negeri tki",
        ["jepang"] = "luar negeri tki",
        ["korea"] = "luar negeri tki",
        ["arab"] = "luar negeri tki",
        ["singapura"] = "luar negeri tki",
        ["abroad"] = "luar negeri tki",
        ["buruh"] = "buruh pekerja",
        ["karyawan"] = "pekerja",
        ["pegawai"] = "kepegawaian",
        ["lowongan"] = "lowongan",
        ["nganggur"] = "pencari kerja",
        ["pengangguran"] = "pencari kerja",
        ["celaka"] = "kecelakaan",
        ["dipantau"] = "dimonitor monitoring",
        ["pantau"] = "monitor monitoring",
        ["memantau"] = "memonitor monitoring",
        ["kecelakaan"] = "kecelakaan",
        // Pay a company owes its workers is a matter of pengupahan (salary as such is out of scope, see SmallTalk).
        ["thr"] = "upah",
        ["gaji"] = "upah",
        ["gajinya"] = "upah",
    };

    /// <summary>Several words for one situation, replaced by a single word of <see cref="Words"/> or of the glossary.</summary>
    public static readonly IReadOnlyDictionary<string, string> Phrases = new Dictionary<string, string>
    {
        ["kerja ke luar negeri"] = "abroad",
        ["kerja di luar negeri"] = "abroad",
        ["kerja luar negeri"] = "abroad",
        ["jadi tki"] = "tki",
        ["unjuk rasa"] = "demo",
        ["bursa kerja"] = "jobfair",
        ["ikut pelatihan"] = "kursus",
    };

    /// <summary>Everyday words that are not typos of document words ("ikut" is not "iku").</summary>
    public static readonly IReadOnlySet<string> PlainWords = new HashSet<string>
    {
        "pulang", "kampung", "perusahaan", "siapa", "bagaimana", "daftar",
        // "pengaduan" is not "pengadaan", "aduan" not "adaan": a complaint, not procurement.
        "pengaduan", "aduan", "mengadu", "mengadukan", "diadukan", "keluhan", "mengeluh", "komplain",
    };
}
