using System.Globalization;
using System.Text.RegularExpressions;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Supervision;

public enum RangeKind { Bulan, Triwulan, Tahun }

/// <summary>The months a recap or an export covers: one month, a quarter (TW I..IV) or a whole year.</summary>
public sealed partial record PeriodeRange(RangeKind Kind, int Tahun, int FromBulan, int ToBulan)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static PeriodeRange Month(Periode p) => new(RangeKind.Bulan, p.Tahun, p.Bulan, p.Bulan);
    public static PeriodeRange Quarter(int tahun, int q) => new(RangeKind.Triwulan, tahun, q * 3 - 2, q * 3);
    public static PeriodeRange Year(int tahun) => new(RangeKind.Tahun, tahun, 1, 12);

    public IReadOnlyList<Periode> Months => Enumerable.Range(FromBulan, ToBulan - FromBulan + 1).Select(m => new Periode(Tahun, m)).ToList();
    public IReadOnlySet<string> Codes => Months.Select(m => m.Code).ToHashSet();

    /// <summary>"November 2026", "TW IV 2026", "Tahun 2026".</summary>
    public string Label => Kind switch
    {
        RangeKind.Bulan => new Periode(Tahun, FromBulan).Label,
        RangeKind.Triwulan => $"TW {Roman[(FromBulan - 1) / 3]} {Tahun}",
        _ => $"Tahun {Tahun}",
    };

    /// <summary>"2026-11", "2026-TW4", "2026": safe in a file name.</summary>
    public string Code => Kind switch
    {
        RangeKind.Bulan => new Periode(Tahun, FromBulan).Code,
        RangeKind.Triwulan => $"{Tahun:D4}-TW{(FromBulan + 2) / 3}",
        _ => $"{Tahun:D4}",
    };

    [GeneratedRegex(@"^(?:tw|triwulan|tribulan|kuartal|q)\s*-?\s*(?<q>iv|iii|ii|i|[1-4])(?:\s+(?<y>\d{4}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterText();

    [GeneratedRegex(@"^(?:tahun\s+|thn\s+)?(?<y>\d{4})$", RegexOptions.IgnoreCase)]
    private static partial Regex YearText();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})$")]
    private static partial Regex CodeText();

    [GeneratedRegex(@"^(?:bulan\s+|bln\s+)?(?<name>[a-z]+)(?:\s+(?<y>\d{4}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthText();

    /// <summary>
    /// Reads what a user typed after /rekap or /ekspor: empty (this month), "2026-11", "november", "nov 2025",
    /// "bulan lalu", "TW IV", "tw 3 2026", "2026", "tahun ini". A month or quarter named without a year is the latest
    /// one that has begun (in January "desember" is last December).
    /// </summary>
    public static bool TryParse(string? text, DateTimeOffset now, out PeriodeRange range)
    {
        var current = Periode.Of(now);
        range = Month(current);
        var t = Regex.Replace((text ?? "").Trim().ToLowerInvariant(), @"\s+", " ");
        if (t is "" or "ini" or "bulan ini" or "bln ini") return true;
        if (t is "bulan lalu" or "bln lalu" or "kemarin") { range = Month(current.AddMonths(-1)); return true; }
        if (t is "tahun ini" or "thn ini" or "setahun") { range = Year(current.Tahun); return true; }
        if (t is "tahun lalu" or "thn lalu") { range = Year(current.Tahun - 1); return true; }
        if (t is "triwulan ini" or "tw ini") { range = Quarter(current.Tahun, (current.Bulan + 2) / 3); return true; }

        var m = CodeText().Match(t);
        if (m.Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12) return false;
            range = Month(new Periode(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month));
            return true;
        }
        m = YearText().Match(t);
        if (m.Success) { range = Year(int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)); return range.Tahun >= 2000; }
        m = QuarterText().Match(t);
        if (m.Success)
        {
            var q = m.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)
                : q * 3 - 2 <= current.Bulan ? current.Tahun : current.Tahun - 1;
            range = Quarter(year, q);
            return true;
        }
        m = MonthText().Match(t);
        if (m.Success && MonthNumber(m.Groups["name"].Value) is { } bulan)
        {
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)
                : bulan <= current.Bulan ? current.Tahun : current.Tahun - 1;
            range = Month(new Periode(year, bulan));
            return true;
        }
        return false;
    }

    private static int? MonthNumber(string name)
    {
        for (var i = 0; i < 12; i++)
        {
            var full = Periode.NamaBulan[i].ToLowerInvariant();
            if (name == full || (name.Length >= 3 && full.StartsWith(name, StringComparison.Ordinal))) return i + 1;
        }
        return name switch { "agu" or "agt" or "ags" => 8, "okt" => 10, "des" => 12, "peb" or "pebruari" => 2, "nop" or "nopember" => 11, _ => null };
    }

    public override string ToString() => Code;
}
