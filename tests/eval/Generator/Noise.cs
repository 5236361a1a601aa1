namespace IkiBot.Eval;

/// <summary>Casual writing applied to a clean sentence: chat short forms, a typo, dropped vowels, case, fillers.</summary>
public static class Noise
{
    private static readonly (string Word, string Chat)[] ChatForms =
    [
        ("yang", "yg"), ("saya", "sy"), ("sudah", "udh"), ("belum", "blm"), ("dengan", "dgn"), ("untuk", "utk"),
        ("bulan", "bln"), ("orang", "org"), ("apa saja", "apa aja"), ("tidak", "gak"), ("berapa", "brp"), ("dalam", "dlm"),
    ];

    private static readonly string[] Fillers = ["", "", "", " ya", " pak", " bu", " dong", "?", " ?", " min", " kak"];

    public static string Apply(string clean, Random rng)
    {
        var text = clean;
        foreach (var (word, chat) in ChatForms)
            if (rng.NextDouble() < 0.6) text = ReplaceWord(text, word, chat);
        var words = text.Split(' ').ToList();
        var roll = rng.NextDouble();
        // one typo in a long word (a swap, a dropped letter or a doubled one), or dropped vowels, or nothing
        var longOnes = Enumerable.Range(0, words.Count).Where(i => words[i].Length >= 7 && words[i].All(char.IsLetter)).ToList();
        if (longOnes.Count > 0 && roll < 0.35)
        {
            var i = longOnes[rng.Next(longOnes.Count)];
            words[i] = Typo(words[i], rng);
        }
        else if (longOnes.Count > 0 && roll < 0.5)
        {
            var i = longOnes[rng.Next(longOnes.Count)];
            words[i] = DropInnerVowel(words[i], rng);
        }
        text = string.Join(' ', words);
        var caseRoll = rng.NextDouble();
        if (caseRoll < 0.15) text = char.ToUpperInvariant(text[0]) + text[1..];
        else if (caseRoll < 0.2) text = text.ToUpperInvariant();
        return text + Fillers[rng.Next(Fillers.Length)];
    }

    private static string ReplaceWord(string text, string word, string with) =>
        (" " + text + " ").Replace(" " + word + " ", " " + with + " ").Trim();

    private static string Typo(string w, Random rng)
    {
        var i = 2 + rng.Next(w.Length - 4);
        return rng.Next(3) switch
        {
            0 => w[..i] + w[i + 1] + w[i] + w[(i + 2)..],
            1 => w[..i] + w[(i + 1)..],
            _ => w[..i] + w[i] + w[i..],
        };
    }

    private static string DropInnerVowel(string w, Random rng)
    {
        var vowels = Enumerable.Range(2, w.Length - 3).Where(i => "aeiou".Contains(w[i])).ToList();
        if (vowels.Count == 0) return w;
        var i = vowels[rng.Next(vowels.Count)];
        return w[..i] + w[(i + 1)..];
    }
}
