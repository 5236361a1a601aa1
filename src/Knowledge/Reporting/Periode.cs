using System.Globalization;

namespace IkiBot.Knowledge.Reporting;

/// <summary>A reporting month. <see cref="Code"/> is what is stored ("2026-11"); <see cref="Label"/> is what users read ("November 2026").</summary>
public sealed record Periode(int Tahun, int Bulan)
{
    public static readonly IReadOnlyList<string> NamaBulan =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public int Tahun { get; init => field = CheckTahun(value); } = CheckTahun(Tahun);
    public int Bulan { get; init => field = CheckBulan(value); } = CheckBulan(Bulan);

    public string Code => $"{Tahun:D4}-{Bulan:D2}";
    public string Label => $"{NamaBulan[Bulan - 1]} {Tahun}";

    /// <summary>The month of a moment in Asia/Jakarta (the moment is converted first, so any offset works).</summary>
    public static Periode Of(DateTimeOffset jakartaTime)
    {
        var local = JakartaTime.From(jakartaTime);
        return new Periode(local.Year, local.Month);
    }

    public static bool TryParseCode(string? code, out Periode p)
    {
        p = null!;
        if (code is null || code.Length != 7 || code[4] != '-') return false;
        if (!int.TryParse(code.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(code.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y < 1 || m is < 1 or > 12) return false;
        p = new Periode(y, m);
        return true;
    }

    public Periode AddMonths(int months)
    {
        var index = Tahun * 12 + (Bulan - 1) + months;
        return new Periode(index / 12, index % 12 + 1);
    }

    /// <summary>Whole months from <paramref name="earlier"/> to this one (negative when this one is earlier).</summary>
    public int MonthsSince(Periode earlier) => (Tahun * 12 + Bulan) - (earlier.Tahun * 12 + earlier.Bulan);

    public override string ToString() => Code;

    private static int CheckTahun(int tahun) =>
        tahun is >= 1 and <= 9999 ? tahun : throw new ArgumentOutOfRangeException(nameof(Tahun), tahun, "Tahun harus 1..9999.");

    private static int CheckBulan(int bulan) =>
        bulan is >= 1 and <= 12 ? bulan : throw new ArgumentOutOfRangeException(nameof(Bulan), bulan, "Bulan harus 1..12.");
}
