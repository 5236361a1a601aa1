namespace IkiBot.Knowledge.Understanding;

/// <summary>One word of a chat message after normalisation.</summary>
/// <param name="Text">The standard form (typo corrected, chat form replaced).</param>
/// <param name="Typed">What the user typed.</param>
/// <param name="FromExpansion">Added by expanding an abbreviation, not typed.</param>
/// <param name="Stem">Its term in the stemmed index field; null for a stop word.</param>
public sealed record MessageWord(string Text, string Typed, bool FromExpansion, string? Stem);

public sealed record ReadMessage(string Raw, IReadOnlyList<MessageWord> Words)
{
    public IEnumerable<MessageWord> Typed => Words.Where(w => !w.FromExpansion);
    public bool HasAny(IReadOnlySet<string> set) => Words.Any(w => set.Contains(w.Text) || set.Contains(w.Typed));
}
