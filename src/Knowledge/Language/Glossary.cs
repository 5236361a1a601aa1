namespace IkiBot.Knowledge.Language;

/// <summary>
/// What staff type and what the document says: abbreviations, chat short forms and office synonyms.
/// Each entry maps one typed word to the words it stands for (the typed word is kept too).
/// </summary>
public static class Glossary
{
    public static readonly IReadOnlyDictionary<string, string> Expansions = Merge(new Dictionary<string, string>
    {
        // positions
        ["kadis"] = "kepala dinas",
        ["kadisnaker"] = "kepala dinas",
        ["sekdis"] = "sekretaris",
        ["sekdin"] = "sekretaris",
        ["sekretariat"] = "sekretaris",
        ["sekre"] = "sekretaris",
        ["kasubag"] = "kepala sub bagian",
        ["kasubbag"] = "kepala sub bagian",
        ["kasub"] = "kepala sub bagian",
        ["kasubbagian"] = "kepala sub bagian",
        ["subag"] = "sub bagian",
        ["subbag"] = "sub bagian",
        ["subbagian"] = "sub bagian",
        ["kabid"] = "kepala bidang",
        ["kabag"] = "kepala bagian",
        ["kasi"] = "seksi",
        ["staf"] = "pengadministrasi",
        ["staff"] = "pengadministrasi",
        ["petugas"] = "pengadministrasi",
        ["pelaksana"] = "pengadministrasi",
        ["operator"] = "pengadministrasi",
        ["kasie"] = "seksi",
        ["seksie"] = "seksi",
        ["penta"] = "penempatan perluasan kesempatan kerja",
        ["ppkk"] = "penempatan perluasan kesempatan kerja",
        ["lattas"] = "pelatihan",
        ["monev"] = "monitoring evaluasi",
        ["umpeg"] = "umum kepegawaian",
        ["pegawai"] = "kepegawaian",
        ["keuangan"] = "keuangan",
        ["keu"] = "keuangan",
        ["izin"] = "ijin",
        ["ijin"] = "izin",
        ["perizinan"] = "perijinan",
        ["perijinan"] = "perizinan",
        ["renprog"] = "penyusunan program",
        ["pengadm"] = "pengadministrasi",
        ["pengadmin"] = "pengadministrasi",
        ["adm"] = "administrasi",
        ["admin"] = "administrasi",
        ["brg"] = "barang",
        ["naker"] = "ketenagakerjaan tenaga kerja",
        ["tk"] = "tenaga kerja",
        ["ln"] = "luar negeri",
        ["dn"] = "dalam negeri",
        ["hi"] = "hubungan industrial",
        ["phi"] = "penyelesaian perselisihan hubungan industrial",
        ["jamsostek"] = "jaminan sosial tenaga kerja jamsostek",
        ["jamsos"] = "jaminan sosial",
        ["bpjs"] = "jaminan sosial",
        ["bpjstk"] = "jaminan sosial tenaga kerja",
        ["produktivitas"] = "produktifitas",
        ["disabilitas"] = "penyandang cacat",
        ["difabel"] = "penyandang cacat",
        // labour affairs
        ["phk"] = "pemutusan hubungan kerja",
        ["tki"] = "tenaga kerja indonesia",
        ["pmi"] = "tenaga kerja indonesia tki",
        ["ctki"] = "calon tenaga kerja indonesia tki",
        ["cpmi"] = "calon tenaga kerja indonesia tki",
        ["tka"] = "tenaga kerja asing",
        ["imta"] = "ijin izin mempekerjakan memperkerjakan tenaga asing",
        ["rptka"] = "rencana penggunaan tenaga kerja asing",
        ["tks"] = "tenaga kerja sukarela",
        ["tkm"] = "tenaga kerja mandiri",
        ["lpk"] = "lembaga pelatihan kerja",
        ["blk"] = "balai latihan kerja pelatihan",
        ["lptks"] = "lembaga penempatan tenaga kerja swasta",
        ["pptkis"] = "perusahaan pengerah tenaga kerja indonesia swasta",
        ["p3mi"] = "perusahaan pengerah tenaga kerja indonesia swasta",
        ["akad"] = "antar kerja antar daerah",
        ["akl"] = "antar kerja lokal",
        ["akal"] = "antar kerja lokal",
        ["akan"] = "antar kerja antar negara",
        ["pencaker"] = "pencari kerja",
        ["loker"] = "lowongan kerja",
        ["ipk"] = "informasi pasar kerja",
        ["jobfair"] = "pameran bursa kerja",
        ["wlkp"] = "wajib lapor ketenagakerjaan perusahaan",
        ["pkwt"] = "perjanjian kerja waktu tertentu",
        ["pkwtt"] = "perjanjian kerja waktu tidak tertentu",
        ["pkb"] = "perjanjian kerja bersama",
        ["sp"] = "serikat pekerja",
        ["sb"] = "serikat buruh",
        ["lks"] = "lembaga kerja sama",
        ["umk"] = "upah minimum kabupaten",
        ["ump"] = "upah minimum",
        ["umr"] = "upah minimum",
        ["k3"] = "keselamatan kesehatan kerja kecelakaan",
        ["ttg"] = "teknologi tepat guna",
        ["outsourcing"] = "penyedia jasa pekerja buruh",
        ["alihdaya"] = "penyedia jasa pekerja buruh",
        ["pabrik"] = "perusahaan",
        ["perush"] = "perusahaan",
        ["prsh"] = "perusahaan",
        ["pt"] = "perusahaan",
        ["paspor"] = "paspor pasport",
        ["kartu"] = "pendaftaran",
        ["ak1"] = "pendaftaran pencari kerja",
        ["pangkat"] = "karier karir kepegawaian",
        ["karier"] = "karier karir",
        ["karir"] = "karier karir",
        ["mediator"] = "mediator perselisihan",
        ["transmigrasi"] = "ketransmigrasian",
        // finance and administration
        ["spj"] = "surat pertanggungjawaban",
        ["spp"] = "surat permintaan pembayaran",
        ["spm"] = "surat perintah membayar",
        ["sp2d"] = "surat perintah pencairan dana",
        ["up"] = "uang persediaan",
        ["gu"] = "ganti uang persediaan",
        ["bud"] = "bendahara umum daerah",
        ["ppkd"] = "pejabat pengelola keuangan daerah",
        ["bkad"] = "badan keuangan aset daerah",
        ["rka"] = "rencana kerja anggaran",
        ["dpa"] = "pelaksanaan anggaran",
        ["dipa"] = "pelaksanaan anggaran",
        ["lra"] = "laporan realisasi anggaran",
        ["tgr"] = "tuntutan ganti rugi gantirugi",
        ["tp"] = "tuntutan perbendaharaan",
        ["tb"] = "tuntutan perbendaharaan",
        ["tl"] = "tindak lanjut",
        ["rkbu"] = "rencana kebutuhan barang unit",
        ["rpbu"] = "rencana pemeliharaan barang unit",
        ["bmd"] = "barang milik daerah",
        ["atk"] = "alat tulis kantor",
        ["renstra"] = "rencana strategi strategis",
        ["renja"] = "rencana kerja",
        ["lakip"] = "laporan akuntabilitas kinerja instansi pemerintah",
        ["lkjip"] = "laporan akuntabilitas kinerja instansi pemerintah",
        ["ikm"] = "indeks kepuasan masyarakat",
        ["spip"] = "sistem pengendalian intern",
        ["stnk"] = "stnk kendaraan",
        ["mobil"] = "kendaraan",
        ["motor"] = "kendaraan",
        ["surat"] = "surat",
        ["arsip"] = "pengarsipan",
        ["tw"] = "triwulan tribulan",
        ["triwulan"] = "tribulan",
    }, Situations.Words);

    /// <summary>Several typed words that mean one thing, replaced before the words are read.</summary>
    public static readonly IReadOnlyDictionary<string, string> Phrases = Merge(new Dictionary<string, string>
    {
        ["job fair"] = "jobfair",
        ["sekretaris dinas"] = "sekdin",
        ["sekretaris disnaker"] = "sekdin",
        ["kepala disnaker"] = "kadis",
        ["kartu kuning"] = "ak1",
        ["kartu ak1"] = "ak1",
        ["ak 1"] = "ak1",
        ["naik pangkat"] = "pangkat",
        ["kenaikan pangkat"] = "pangkat",
        ["bpjs ketenagakerjaan"] = "bpjstk",
        ["bpjs tk"] = "bpjstk",
        ["alih daya"] = "alihdaya",
        ["sub bag"] = "subbag",
        ["kasub bag"] = "kasubbag",
        ["ka sub bag"] = "kasubbag",
        ["kasi e"] = "kasi",
        ["kepala seksi"] = "kasi",
        ["kepala sie"] = "kasi",
        ["job desk"] = "jobdesk",
        ["tugas pokok"] = "tugas",
    }, Situations.Phrases);

    /// <summary>Chat spellings replaced by the standard word (the chat form is dropped).</summary>
    public static readonly IReadOnlyDictionary<string, string> ChatForms = new Dictionary<string, string>
    {
        ["yg"] = "yang", ["dgn"] = "dengan", ["dg"] = "dengan", ["utk"] = "untuk", ["untk"] = "untuk",
        ["gmn"] = "bagaimana", ["gimana"] = "bagaimana", ["aja"] = "saja", ["sdh"] = "sudah", ["udh"] = "sudah",
        ["udah"] = "sudah", ["dah"] = "sudah", ["blm"] = "belum", ["tdk"] = "tidak", ["gak"] = "tidak",
        ["nggak"] = "tidak", ["ga"] = "tidak", ["bln"] = "bulan", ["dok"] = "dokumen", ["org"] = "orang",
        ["klo"] = "kalau", ["kalo"] = "kalau", ["skrg"] = "sekarang", ["sy"] = "saya", ["brp"] = "berapa",
        ["smua"] = "semua", ["sm"] = "sama", ["tsb"] = "tersebut", ["jg"] = "juga", ["dr"] = "dari",
        ["krn"] = "karena", ["trs"] = "terus", ["hr"] = "hari", ["thn"] = "tahun", ["th"] = "tahun",
        ["bgmn"] = "bagaimana", ["tlg"] = "tolong", ["mhn"] = "mohon", ["ttg"] = "tentang", ["pd"] = "pada",
        ["kmn"] = "kemana", ["dmn"] = "dimana", ["knp"] = "kenapa", ["bgt"] = "banget", ["td"] = "tadi",
        ["lg"] = "lagi", ["ngga"] = "tidak", ["emg"] = "memang", ["bs"] = "bisa", ["bisa2"] = "bisa",
        ["bu"] = "ibu", ["pak"] = "bapak", ["sebutin"] = "sebutkan", ["nyebutin"] = "sebutkan",
        ["jobdesc"] = "jobdesk", ["tupoksi"] = "tugas", ["dlm"] = "dalam", ["dlam"] = "dalam", ["kpd"] = "kepada",
        ["sbg"] = "sebagai", ["bgn"] = "bagian", ["bid"] = "bidang", ["sie"] = "seksi", ["tgs"] = "tugas", ["fgs"] = "fungsi",
        ["ind"] = "indikator", ["ikunya"] = "iku", ["lapor"] = "lapor", ["mksd"] = "maksud", ["aq"] = "aku", ["gw"] = "saya", ["gue"] = "saya",
        // English mixed in
        ["task"] = "tugas", ["tasks"] = "tugas", ["duty"] = "tugas", ["duties"] = "tugas", ["job"] = "tugas", ["jobs"] = "tugas",
        ["function"] = "fungsi", ["functions"] = "fungsi", ["role"] = "peran", ["indicator"] = "indikator", ["indicators"] = "indikator",
        ["performance"] = "kinerja", ["who"] = "siapa", ["where"] = "dimana", ["position"] = "jabatan", ["positions"] = "jabatan",
        ["all"] = "semua", ["every"] = "semua",
    };

    /// <summary>Words that carry no topic: particles, address words, question words.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>
    {
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "itu", "ini", "ada", "apa", "saja",
        "ya", "sih", "dong", "nih", "deh", "kok", "lah", "kah", "pun", "tolong", "mohon", "bapak", "ibu",
        "mas", "mbak", "bang", "kak", "min", "saya", "aku", "kami", "kita", "mau", "ingin", "akan", "bisa",
        "kalau", "jika", "bila", "atau", "sama", "juga", "sudah", "belum", "tidak", "harus", "perlu",
        "biasanya", "sekarang", "nanti", "tadi", "hari", "bagaimana", "siapa", "mana", "kemana", "dimana",
        "apakah", "berapa", "tentang", "terkait", "soal", "masalah", "urusan", "dinas", "ini", "tersebut",
        "oleh", "serta", "para", "dalam", "lain", "lainnya", "beliau", "dia", "mereka", "gitu", "gini",
        "banget", "lagi", "terus", "memang", "karena", "kenapa", "coba", "info", "informasikan", "minta",
        "the", "a", "adalah", "yaitu", "bagian", "semua", "sebutkan", "list", "daftar", "pegang", "dipegang",
        "ngurus", "ngurusnya", "urus", "handle", "menangani", "nanganin", "ditangani", "turun", "koordinasi",
        "sebagai", "agar", "supaya", "kerjanya", "bikin", "buat", "nya", "disnaker", "kantor", "instansi",
        "kak", "gan", "bos", "biasa", "gimana", "urusannya", "ngurusnya", "lapornya", "hubungi", "menghubungi", "warga", "pengen",
        "pingin", "ikut", "adik", "kakak", "anak", "teman", "sepihak", "caranya", "kemana", "dimana", "apakah", "skrg", "nanya", "tanya", "bertanya", "mohon", "info",
    };

    public static readonly IReadOnlySet<string> TugasWords = new HashSet<string>
        { "tugas", "jobdesk", "kerjaan", "kerjaannya", "kerjanya", "pekerjaan", "ngapain", "uraian", "wewenang", "tanggung", "kewajiban", "tugasnya" };

    public static readonly IReadOnlySet<string> FungsiWords = new HashSet<string> { "fungsi", "fungsinya", "peran", "peranan" };

    public static readonly IReadOnlySet<string> IndikatorWords = new HashSet<string>
        {
            "indikator", "indikatornya", "iku", "iki", "kinerja", "ukuran", "target", "capaian", "ikk", "kpi", "dinilai",
            "penilaian", "dilaporkan", "diukur", "sasaran", "kpinya", "targetnya",
        };

    public static readonly IReadOnlySet<string> SiapaWords = new HashSet<string>
        { "siapa", "siapakah", "kemana", "dimana" };

    public static readonly IReadOnlySet<string> DaftarWords = new HashSet<string>
        { "jabatan", "posisi", "struktur", "organisasi", "jabatannya", "bagan", "sotk" };

    /// <summary>Words that name a level of the office, not a topic.</summary>
    public static readonly IReadOnlySet<string> LevelWords = new HashSet<string>
        { "seksi", "kasi", "kasie", "kepala", "bidang", "kabid", "sub", "bagian", "kasubag", "kasubbag", "kasub", "subbag", "subag", "staf", "staff", "pejabat" };

    /// <summary>Words that ask where a jabatan stands: who is above it, who is under it.</summary>
    public static readonly IReadOnlySet<string> AtasanWords = new HashSet<string>
    {
        "atasan", "atasannya", "atasanya", "atasanku", "pimpinan", "pimpinannya", "bawahan", "bawahannya", "bawahanya",
        "membawahi", "membawahkan", "dibawahi", "membawahinya", "supervisor",
    };

    /// <summary>Words that ask for the whole organisation by themselves.</summary>
    public static readonly IReadOnlySet<string> OrganisationWords = new HashSet<string> { "struktur", "organisasi", "bagan", "sotk" };

    public static readonly IReadOnlySet<string> AllWords = new HashSet<string>
        { "semua", "seluruh", "list", "daftar", "sebutkan", "berapa", "apa", "saja", "lengkap" };

    private static Dictionary<string, string> Merge(Dictionary<string, string> own, IReadOnlyDictionary<string, string> more)
    {
        foreach (var (k, v) in more) own.TryAdd(k, v);
        return own;
    }
}
