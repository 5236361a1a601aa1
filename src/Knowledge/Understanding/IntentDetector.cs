using IkiBot.Knowledge.Language;

namespace IkiBot.Knowledge.Understanding;

/// <summary>What kind of question a message asks, from its words alone.</summary>
public static class IntentDetector
{
    private static readonly string[][] SiapaPhrases =
    [
        ["bagian", "mana"], ["bagian", "apa"], ["seksi", "apa"], ["seksi", "mana"], ["bidang", "apa"], ["bidang", "mana"],
        ["ke", "mana"], ["ke", "siapa"], ["yang", "urus"], ["yang", "ngurus"], ["yang", "menangani"], ["yang", "handle"],
        ["tugas", "siapa"], ["tanggung", "jawab"], ["wewenang", "siapa"], ["kerjaan", "siapa"], ["bagiannya", "siapa"],
    ];

    /// <summary>The explicit intent the words ask for, the first one the user wrote; null when none.</summary>
    public static Intent? Explicit(ReadMessage message)
    {
        var weak = false;
        foreach (var w in message.Typed)
        {
            // "uraian" describes whatever follows it: "uraian fungsi" asks for fungsi, "uraian tugas" for tugas.
            if (w.Text == "uraian") { weak = true; continue; }
            if (Glossary.TugasWords.Contains(w.Text)) return Intent.Tugas;
            if (Glossary.FungsiWords.Contains(w.Text)) return Intent.Fungsi;
            if (Glossary.IndikatorWords.Contains(w.Text)) return Intent.Indikator;
        }
        return weak ? Intent.Tugas : null;
    }

    /// <summary>"tugas siapa": the intent word asks who, not what.</summary>
    public static bool AsksWhoseDuty(ReadMessage message)
    {
        var words = message.Typed.Select(w => w.Text).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (!Glossary.TugasWords.Contains(words[i]) && !Glossary.FungsiWords.Contains(words[i])) continue;
            var next = words[i + 1] is "jawab" or "nya" && i + 2 < words.Count ? words[i + 2] : words[i + 1];
            if (Glossary.SiapaWords.Contains(next)) return true;
        }
        return false;
    }

    /// <summary>
    /// "siapa atasan kasi PHI", "bawahan kabid HI", "kasi syaker bertanggung jawab kepada siapa", "di bawah siapa":
    /// where a jabatan stands in the organisation.
    /// </summary>
    public static bool AsksStructure(ReadMessage message)
    {
        if (message.HasAny(Glossary.AtasanWords)) return true;
        var words = message.Typed.Select(w => w.Typed).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var next = words[i + 1];
            if (words[i] is "bertanggungjawab" or "melapor" or "lapor" && next is "kepada" or "ke") return words.Skip(i + 2).Any(Glossary.SiapaWords.Contains);
            if (words[i] is "bertanggung" && next is "jawab" && i + 2 < words.Count && words[i + 2] is "kepada" or "ke") return true;
            if (words[i] is "dibawah" && Glossary.SiapaWords.Contains(next)) return true;
            if (words[i] is "di" && next is "bawah" && i + 2 < words.Count && Glossary.SiapaWords.Contains(words[i + 2])) return true;
        }
        return false;
    }

    public static bool AsksWho(ReadMessage message)
    {
        if (message.HasAny(Glossary.SiapaWords)) return true;
        var words = message.Typed.Select(w => w.Text).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
            if (SiapaPhrases.Any(p => p[0] == words[i] && p[1] == words[i + 1])) return true;
        return false;
    }

    /// <summary>
    /// "daftar jabatan", "semua seksi apa saja", "list all jabatan", "siapa saja yang punya IKI": a request for the
    /// list of jabatan, with no topic and no one jabatan named. <paramref name="namesSomeone"/> says whether a jabatan is named.
    /// </summary>
    public static bool AsksForList(ReadMessage message, bool namesSomeone = false)
    {
        var words = message.Typed.Select(w => w.Text).ToList();
        if (words.SequenceEqual(["jabatan"])) return true;
        var listWords = message.HasAny(Glossary.AllWords) || HasPair(words, "siapa", "saja");
        var explicitIntent = Explicit(message) is { } i && !(i == Intent.Indikator && words.Contains("iki") && words.Contains("punya"));
        if (explicitIntent) return false;
        if (message.HasAny(Glossary.OrganisationWords) || message.HasAny(Glossary.DaftarWords) && listWords) return true;
        if (!listWords) return false;
        var onlyListing = words.All(w => ListingWords.Contains(w) || Glossary.DaftarWords.Contains(w) || Glossary.LevelWords.Contains(w)
                                         || Glossary.AllWords.Contains(w) || Glossary.StopWords.Contains(w));
        if (onlyListing && (message.HasAny(Glossary.DaftarWords) || message.HasAny(Glossary.LevelWords) || words.Contains("iki") || HasPair(words, "siapa", "saja")))
            return true;
        return false;
    }

    private static readonly HashSet<string> ListingWords =
        ["ada", "punya", "iki", "dinas", "disnaker", "tenaga", "kerja", "show", "me", "the", "of", "all", "what", "are", "which",
         "nama", "namanya", "unit", "kepala", "kasi", "kabid", "seksi", "bidang", "lengkap", "seluruhnya", "semuanya", "pejabat", "kantor", "kita", "di", "sini"];

    private static bool HasPair(List<string> words, string a, string b)
    {
        for (var i = 0; i + 1 < words.Count; i++) if (words[i] == a && words[i + 1] == b) return true;
        return false;
    }
}
