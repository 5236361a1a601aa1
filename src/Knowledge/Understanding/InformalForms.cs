namespace IkiBot.Knowledge.Understanding;

/// <summary>
/// Everyday Jakarta-style verb forms: a nasal prefix (ng-, ny-, n-, m-, nge-) in place of me-,
/// and -in in place of -kan/-i ("nerbitin" = menerbitkan, "ngurus" = mengurus, "nyusun" = menyusun).
/// </summary>
public static class InformalForms
{
    public static IEnumerable<string> RootsOf(string word)
    {
        var bases = new List<string> { word };
        if (word.Length > 5 && word.EndsWith("in")) bases.Add(word[..^2]);
        foreach (var b in bases.ToList())
            if (b.StartsWith("di") && b.Length > 5) bases.Add(b[2..]);

        foreach (var b in bases)
        {
            if (b != word) yield return b;
            if (b.StartsWith("nge") && b.Length > 5) yield return b[3..];
            if (b.StartsWith("ng") && b.Length > 4) { yield return b[2..]; yield return "k" + b[2..]; }
            if (b.StartsWith("ny") && b.Length > 4) yield return "s" + b[2..];
            if (b.StartsWith('n') && !b.StartsWith("ng") && !b.StartsWith("ny") && b.Length > 4) yield return "t" + b[1..];
            if (b.StartsWith('m') && b.Length > 4) yield return "p" + b[1..];
        }
    }
}
