using System.Globalization;
using System.Text.RegularExpressions;

namespace IkiBot.Data;

/// <summary>A periode is a month written "yyyy-MM", e.g. "2026-11".</summary>
public static partial class PeriodeFormat
{
    public static bool IsValid(string? periode) => periode is not null && Pattern().IsMatch(periode);

    public static string From(DateTimeOffset waktu) => waktu.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    internal static void Require(string periode)
    {
        if (!IsValid(periode))
            throw new ArgumentException($"Periode must be \"yyyy-MM\", got \"{periode}\".", nameof(periode));
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex Pattern();
}
