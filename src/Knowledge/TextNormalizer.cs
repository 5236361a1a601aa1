using System.Text.RegularExpressions;

namespace IkiBot.Knowledge;

public static partial class TextNormalizer
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Trims and collapses runs of whitespace to one space.</summary>
    public static string Collapse(string? text) => Whitespace().Replace(text ?? "", " ").Trim();
}
