using System.Globalization;
using System.Text.RegularExpressions;

namespace IkiBot.Knowledge;

/// <summary>Numbers as Indonesian readers write them: "10.000" (a dot groups thousands).</summary>
public static partial class Angka
{
    private static readonly NumberFormatInfo Indonesian = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    public static string Format(long value) => value.ToString("#,0", Indonesian);

    [GeneratedRegex(@"^[+]?\d{1,3}(\.\d{3})+$")]
    private static partial Regex Grouped();

    /// <summary>"10.000" or "1.250.000": dots that group thousands, not a decimal point.</summary>
    public static bool IsGrouped(string typed) => Grouped().IsMatch(typed);
}
