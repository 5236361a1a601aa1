using IkiBot.Data;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Model;

namespace IkiBot.Bot.Supervision;

/// <summary>One indicator of one jabatan over a range of months.</summary>
/// <param name="Target">The year's target (the only target the bot keeps); null when none was set.</param>
/// <param name="Realisasi">The sum of the range's realizations.</param>
/// <param name="Dilaporkan">Whether anything (even 0) was reported for it within the range.</param>
/// <param name="RealisasiTahunBerjalan">January up to the range's last month.</param>
public sealed record RekapRow(
    string Jabatan, int No, string Program, string Indikator, string Satuan, int? Target, int Realisasi, bool Dilaporkan,
    int RealisasiTahunBerjalan, string Periode, string Key)
{
    /// <summary>Realisasi ÷ Target × 100, one decimal; null without a target.</summary>
    public double? Capaian => Target is > 0 ? Math.Round(100.0 * Realisasi / Target.Value, 1) : null;

    public double? CapaianTahunBerjalan => Target is > 0 ? Math.Round(100.0 * RealisasiTahunBerjalan / Target.Value, 1) : null;
}

/// <summary>A jabatan's rows (countable indicators only) and the active users who report for it.</summary>
public sealed record RekapJabatan(string Jabatan, IReadOnlyList<RekapRow> Rows, IReadOnlyList<Pengguna> Pelapor)
{
    public int Dilaporkan => Rows.Count(r => r.Dilaporkan);
    public IReadOnlyList<RekapRow> Belum => Rows.Where(r => !r.Dilaporkan).ToList();
}

public sealed record Rekap(PeriodeRange Range, IReadOnlyList<RekapJabatan> Jabatan, DateTimeOffset MadeAt)
{
    /// <summary>The same recap for some of its jabatan, in the order given (one digest slot builds once, slices per atasan).</summary>
    public Rekap Only(IEnumerable<string> jabatan)
    {
        var byName = Jabatan.ToDictionary(j => j.Jabatan, StringComparer.OrdinalIgnoreCase);
        return this with { Jabatan = jabatan.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => byName.GetValueOrDefault(n)).OfType<RekapJabatan>().ToList() };
    }
}

/// <summary>
/// Puts targets, realizations and reporters of a set of jabatan together for one range of months. The database sums
/// per (jabatan, indicator, month); only those few totals come back, however many entries the year holds.
/// </summary>
public sealed class RekapBuilder(IkiKnowledge knowledge, RealisasiStore realisasi, TargetStore targets, PenggunaStore users, TimeProvider time)
{
    public async Task<Rekap> BuildAsync(PeriodeRange range, IEnumerable<string> jabatan, CancellationToken ct = default)
    {
        var wanted = jabatan.Distinct(StringComparer.OrdinalIgnoreCase).Select(n => knowledge.Kb.Find(n)).OfType<Jabatan>().ToList();
        var names = wanted.Select(j => j.Nama).ToList();
        var codes = range.Codes;
        var lastCode = range.Months[^1].Code;
        var totals = await realisasi.MonthlyTotalsAsync($"{range.Tahun:D4}-01", lastCode,
            names.Count == knowledge.Kb.Jabatan.Count ? null : names, ct);
        var byRow = totals.ToLookup(t => (t.Jabatan, t.IndikatorKey));
        var yearTargets = (await targets.ForYearAsync(range.Tahun, ct)).ToDictionary(t => (t.Jabatan, t.IndikatorKey));
        var pelaporOf = (await users.ListByStatusAsync(StatusPengguna.Aktif, ct))
            .Where(u => u.Jabatan is not null && u.Channel != "cli")
            .ToLookup(u => u.Jabatan!, StringComparer.OrdinalIgnoreCase);

        var result = new List<RekapJabatan>();
        foreach (var j in wanted)
        {
            var rows = new List<RekapRow>();
            foreach (var row in j.Indikator.Where(r => !r.TidakTerukur))
            {
                var key = row.KeyFor(j.Nama);
                var months = byRow[(j.Nama, key)].ToList();
                var inRange = months.Where(m => codes.Contains(m.Periode)).ToList();
                var target = yearTargets.GetValueOrDefault((j.Nama, key));
                rows.Add(new RekapRow(j.Nama, row.No, Clean(row.Program), Clean(row.Uraian), target?.Satuan ?? Satuan.Of(row),
                    target?.Nilai, inRange.Sum(m => m.Total), inRange.Sum(m => m.Entries) > 0,
                    months.Sum(m => m.Total), range.Label, key));
            }
            result.Add(new RekapJabatan(j.Nama, rows, pelaporOf[j.Nama].ToList()));
        }
        return new Rekap(range, result, time.GetUtcNow());
    }

    /// <summary>Realization per month (1..12) of one indicator in a year.</summary>
    public async Task<int[]> MonthlyAsync(Jabatan jabatan, Indikator row, int tahun, CancellationToken ct = default)
    {
        var key = row.KeyFor(jabatan.Nama);
        var months = new int[12];
        foreach (var t in await realisasi.MonthlyTotalsAsync($"{tahun:D4}-01", $"{tahun:D4}-12", [jabatan.Nama], ct))
            if (t.IndikatorKey == key && int.TryParse(t.Periode.AsSpan(5, 2), out var m))
                months[m - 1] += t.Total;
        return months;
    }

    public static string Clean(string s) =>
        TextNormalizer.Collapse(s).TrimStart('-', ' ', ':').TrimEnd(';', '.', ' ', ',');
}

/// <summary>
/// The unit of an indicator when no target names one: the counted noun of "Jumlah &lt;noun&gt; ..." when it is a
/// known unit word; empty otherwise (never guessed further).
/// </summary>
public static class Satuan
{
    private static readonly Dictionary<string, string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dokumen"] = "Dokumen", ["laporan"] = "Laporan", ["perusahaan"] = "Perusahaan", ["pencaker"] = "Orang",
        ["orang"] = "Orang", ["peserta"] = "Orang", ["pekerja"] = "Orang", ["kegiatan"] = "Kegiatan", ["bahan"] = "Bahan",
        ["program"] = "Program", ["sosialisasi"] = "Kegiatan", ["pembinaan"] = "Kegiatan",
        ["penyuluhan"] = "Kegiatan", ["monitoring"] = "Kegiatan", ["lembaga"] = "Lembaga", ["lpk"] = "Lembaga",
        ["berkas"] = "Berkas", ["surat"] = "Surat", ["kasus"] = "Kasus", ["izin"] = "Izin", ["ijin"] = "Izin",
    };

    public static string Of(Indikator row)
    {
        if (!string.IsNullOrWhiteSpace(row.Satuan)) return row.Satuan;
        var words = TextNormalizer.Collapse(row.Uraian).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || !words[0].Equals("jumlah", StringComparison.OrdinalIgnoreCase)) return "";
        return Units.GetValueOrDefault(words[1].Trim(';', ',', '.')) ?? "";
    }
}
