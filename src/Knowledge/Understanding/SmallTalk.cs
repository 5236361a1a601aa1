using IkiBot.Knowledge.Language;

namespace IkiBot.Knowledge.Understanding;

/// <summary>What a message that is not a question about a jabatan is: a greeting, thanks, "apa itu IKI", or a topic the document does not cover.</summary>
public enum SmallTalk { None, Greeting, Thanks, AboutIki, OutOfScope }

/// <summary>Recognises <see cref="SmallTalk"/> from the typed words (before typo correction, so "gaji" is never read as a document word).</summary>
public static class SmallTalkDetector
{
    private static readonly HashSet<string> Greetings =
        ["halo", "hallo", "helo", "hai", "hay", "hi", "hello", "selamat", "pagi", "siang", "sore", "malam", "assalamualaikum",
         "assalamu", "alaikum", "alaykum", "salam", "permisi", "ping", "tes", "test", "p", "met", "shalom", "om", "swastiastu", "hey"];

    private static readonly HashSet<string> ThanksWords =
        ["terima", "kasih", "makasih", "trims", "thanks", "thx", "thank", "you", "suwun", "tengkyu", "tq", "nuhun", "matur", "terimakasih", "oke", "ok", "siap", "baik"];

    private static readonly HashSet<string> AboutIkiWords =
        ["iki", "apa", "itu", "artinya", "arti", "maksud", "maksudnya", "singkatan", "kepanjangan", "kepanjangannya", "pengertian",
         "indikator", "kinerja", "individu", "adalah", "yang", "yg", "dimaksud", "dengan", "dgn", "sih", "ya", "dong", "what", "is",
         "the", "of", "stand", "for", "kak", "pak", "bu", "min", "sebenarnya", "sebenernya", "dokumen", "bot", "ini", "kamu", "bisa", "ngapain", "anda"];

    /// <summary>Everyday topics no IKI row covers; a word of the document is never one of them.</summary>
    private static readonly HashSet<string> OutOfScopeWords =
        ["gaji", "gajian", "gajinya", "honor", "honorarium", "tunjangan", "tpp", "thr", "remunerasi", "cuaca", "hujan", "cerah",
         "mendung", "panas", "jam", "buka", "tutup", "libur", "liburan", "cuti", "alamat", "lokasi", "telepon", "telpon", "nomor",
         "wa", "whatsapp", "parkir", "wifi", "password", "kantin", "makan", "minum", "kopi", "absen", "absensi", "seragam",
         "presiden", "bupati", "pilkada", "bola", "film", "lagu", "resep", "harga", "cabai", "bensin", "sepeda", "ulang", "tahun"];

    private static readonly HashSet<string> LabourWords =
        ["perusahaan", "pengusaha", "majikan", "pekerja", "buruh", "karyawan", "umr", "umk", "ump", "phk", "pesangon", "outsourcing"];

    public static SmallTalk Of(ReadMessage message, Func<string, bool> isDocumentWord)
    {
        var typed = message.Typed.Select(w => w.Typed).ToList();
        if (typed.Count == 0) return SmallTalk.None;
        if (typed.All(w => Greetings.Contains(w) || Glossary.StopWords.Contains(w))) return SmallTalk.Greeting;
        if (typed.Any(ThanksWords.Contains) && typed.Contains("kasih") | typed.Any(w => w is "makasih" or "thanks" or "thx" or "trims" or "suwun" or "terimakasih" or "tq" or "tengkyu")
            && typed.All(w => ThanksWords.Contains(w) || Greetings.Contains(w) || Glossary.StopWords.Contains(w) || w is "banyak" or "infonya" or "bantuannya" or "ya"))
            return SmallTalk.Thanks;
        if (typed.Contains("iki") && typed.All(AboutIkiWords.Contains) && typed.Any(w => w is "apa" or "artinya" or "arti" or "maksud" or "maksudnya" or "singkatan" or "kepanjangan" or "kepanjangannya" or "pengertian" or "what" or "dimaksud"))
            return SmallTalk.AboutIki;
        // "perusahaan ga bayar thr", "gaji di bawah umr": pay owed by an employer is a labour matter, not small talk.
        if (typed.Any(w => OutOfScopeWords.Contains(w) && !isDocumentWord(w)) && !typed.Any(LabourWords.Contains)) return SmallTalk.OutOfScope;
        return SmallTalk.None;
    }
}
