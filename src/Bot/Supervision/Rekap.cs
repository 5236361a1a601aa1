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

public sealed record Rekap(PeriodeRange Range, IReadOnlyList<RekapJabatan> Jabatan, DateTimeOffset MadeAt);

/// <summary>Puts targets, realizations and reporters of a set of jabatan together for one range of months.</summary>
public sealed class RekapBuilder(IkiKnowledge knowledge, RealisasiStore realisasi, TargetStore targets, PenggunaStore users, TimeProvider time)
{
    public async Task<Rekap> BuildAsync(PeriodeRange range, IEnumerable<string> jabatan, CancellationToken ct = default)
    {
        var entries = await realisasi.ListByYearAsync(range.Tahun, ct);
        var codes = range.Codes;
        var lastCode = range.Months[^1].Code;
        var activeUsers = (await users.ListByStatusAsync(StatusPengguna.Aktif, ct)).Where(u => u.Jabatan is not null && u.Channel != "cli").ToList();
        var result = new List<RekapJabatan>();
        foreach (var nama in jabatan.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (knowledge.Kb.Find(nama) is not { } j) continue;
            var mine = entries.Where(e => string.Equals(e.Jabatan, j.Nama, StringComparison.Ordinal)).ToList();
            var yearTargets = (await targets.ForJabatanAsync(j.Nama, range.Tahun, ct)).ToDictionary(t => t.IndikatorKey);
            var rows = new List<RekapRow>();
            foreach (var row in j.Indikator.Where(r => !r.TidakTerukur))
            {
                var key = row.KeyFor(j.Nama);
                var ofRow = mine.Where(e => e.IndikatorKey == key).ToList();
                var inRange = ofRow.Where(e => codes.Contains(e.Periode)).ToList();
                var target = yearTargets.GetValueOrDefault(key);
                rows.Add(new RekapRow(j.Nama, row.No, Clean(row.Program), Clean(row.Uraian), target?.Satuan ?? Satuan.Of(row),
                    target?.Nilai, inRange.Sum(e => e.Nilai), inRange.Count > 0,
                    ofRow.Where(e => string.CompareOrdinal(e.Periode, lastCode) <= 0).Sum(e => e.Nilai), range.Label, key));
            }
            var pelapor = activeUsers.Where(u => string.Equals(u.Jabatan, j.Nama, StringComparison.OrdinalIgnoreCase)).ToList();
            result.Add(new RekapJabatan(j.Nama, rows, pelapor));
        }
        return new Rekap(range, result, time.GetUtcNow());
    }

    /// <summary>Realization per month (1..12) of one indicator in a year.</summary>
    public async Task<int[]> MonthlyAsync(Jabatan jabatan, Indikator row, int tahun, CancellationToken ct = default)
    {
        var key = row.KeyFor(jabatan.Nama);
        var months = new int[12];
        foreach (var e in await realisasi.ListByYearAsync(tahun, ct))
            if (e.Jabatan == jabatan.Nama && e.IndikatorKey == key && int.TryParse(e.Periode.AsSpan(5, 2), out var m))
                months[m - 1] += e.Nilai;
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
