namespace IkiBot.Knowledge.Model;

public static class IndikatorText
{
    /// <summary>An indicator cell without the export's noise: collapsed spaces, no leading "-"/":", no trailing ";", "." or ",".</summary>
    public static string Clean(string? s) =>
        TextNormalizer.Collapse(s).TrimStart('-', ' ', ':').TrimEnd(';', '.', ' ', ',');
}
