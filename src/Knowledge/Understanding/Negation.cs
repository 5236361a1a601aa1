using System.Text.RegularExpressions;

namespace IkiBot.Knowledge.Understanding;

/// <summary>
/// "bukan kasi PHI tapi kasi syaker", "selain sekretaris, siapa lagi ...": the words a negation covers (up to "tapi",
/// a comma or the end) are taken out of the question and name what must not be answered.
/// </summary>
public static partial class Negation
{
    [GeneratedRegex(@"\b(?:bukan|bukannya|bkn|selain|kecuali)\s+(?<neg>[^,;.?!]+?)\s*(?=[,;.?!]|\b(?:tapi|tetapi|tp|melainkan|namun|yang|yg)\b|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Negated();

    [GeneratedRegex(@"\b(?:tapi|tetapi|tp|melainkan|namun)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();

    public static (string Kept, IReadOnlyList<string> Negated) Split(string text)
    {
        var negated = new List<string>();
        var kept = Negated().Replace(text, m => { negated.Add(m.Groups["neg"].Value); return " "; });
        if (negated.Count > 0) kept = Conjunction().Replace(kept, " ");
        return (kept, negated);
    }
}
