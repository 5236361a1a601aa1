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
        foreach (var w in message.Typed)
        {
            if (Glossary.TugasWords.Contains(w.Text)) return Intent.Tugas;
            if (Glossary.FungsiWords.Contains(w.Text)) return Intent.Fungsi;
            if (Glossary.IndikatorWords.Contains(w.Text)) return Intent.Indikator;
        }
        return null;
    }

    /// <summary>"tugas siapa": the intent word asks who, not what.</summary>
    public static bool AsksWhoseDuty(ReadMessage message)
    {
        var words = message.Typed.Select(w => w.Text).ToList();
        for (var i = 0; i + 1 < words.Count; i++)
            if ((Glossary.TugasWords.Contains(words[i]) || Glossary.FungsiWords.Contains(words[i])) && Glossary.SiapaWords.Contains(words[i + 1]))
                return true;
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

    public static bool AsksForList(ReadMessage message) =>
        message.HasAny(Glossary.DaftarWords) && message.HasAny(Glossary.AllWords) && Explicit(message) is null
        || message.HasAny(Glossary.OrganisationWords) && Explicit(message) is null
        || message.Typed.Select(w => w.Text).SequenceEqual(["jabatan"]);
}
