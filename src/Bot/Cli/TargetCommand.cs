using System.CommandLine;
using System.Globalization;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>
/// `target set --jabatan J --no N [--tahun Y] --nilai V [--json]` and `target import FILE.xlsx|csv [--tahun Y] [--dry-run] [--json]`:
/// the year's targets for any jabatan, typed or from a file (columns Jabatan, No, Target or Nilai, optional Tahun; the
/// sheets of an `export` workbook qualify). A file with any bad row stores nothing.
/// </summary>
public static class TargetCommand
{
    public sealed record Entry(string Jabatan, Indikator Row, int Tahun, int Nilai);

    public static void Add(RootCommand root, Func<ParseResult, BotSettings> settings)
    {
        var jabatan = new Option<string>("--jabatan") { Description = "Jabatan (nama atau singkatan, mis. \"kasi PHI\")", Required = true };
        var no = new Option<string>("--no") { Description = "Nomor baris indikator", Required = true };
        var tahun = new Option<string?>("--tahun") { Description = "Tahun (bawaan: tahun ini)" };
        var nilai = new Option<string>("--nilai") { Description = "Target setahun", Required = true };
        var json = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var set = new Command("set", "Tetapkan target satu indikator") { jabatan, no, tahun, nilai, json };
        set.SetAction(r =>
        {
            using var services = new BotServices(settings(r), TimeProvider.System, quiet: true);
            return SetAsync(services, r.GetValue(jabatan)!, r.GetValue(no)!, r.GetValue(tahun), r.GetValue(nilai)!, r.GetValue(json), Console.Out)
                .GetAwaiter().GetResult();
        });

        var file = new Argument<string>("berkas") { Description = "Berkas .xlsx atau .csv" };
        var importTahun = new Option<string?>("--tahun") { Description = "Tahun untuk baris tanpa kolom Tahun (bawaan: tahun ini)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Periksa saja, tanpa menyimpan" };
        var importJson = new Option<bool>("--json") { Description = "Keluaran JSON" };
        var import = new Command("import", "Tetapkan target dari berkas (kolom Jabatan, No, Target/Nilai, Tahun)") { file, importTahun, dryRun, importJson };
        import.SetAction(r =>
        {
            using var services = new BotServices(settings(r), TimeProvider.System, quiet: true);
            return ImportAsync(services, r.GetValue(file)!, r.GetValue(importTahun), r.GetValue(dryRun), r.GetValue(importJson), Console.Out, Console.Error)
                .GetAwaiter().GetResult();
        });
        root.Subcommands.Add(new Command("target", "Target tahunan indikator") { set, import });
    }

    public static async Task<int> SetAsync(BotServices services, string jabatan, string no, string? tahun, string nilai, bool json, TextWriter output)
    {
        var nama = JabatanOption.Resolve(services.Knowledge, jabatan);
        var entry = Check(services, nama, no, tahun, nilai, out var problem) ?? throw new UsageException(problem!);
        await services.Targets.SetAsync(entry.Jabatan, entry.Row.KeyFor(entry.Jabatan), entry.Tahun, entry.Nilai, null, null);
        if (json) output.WriteLine(Json.Write(new { jabatan = entry.Jabatan, no = entry.Row.No, indikator = entry.Row.Uraian, tahun = entry.Tahun, nilai = entry.Nilai }));
        else output.WriteLine($"Target {entry.Tahun} {entry.Jabatan}: {entry.Row.No}. {entry.Row.Uraian} = {Angka.Format(entry.Nilai)}.");
        return 0;
    }

    public static async Task<int> ImportAsync(BotServices services, string path, string? tahun, bool dryRun, bool json, TextWriter output, TextWriter error)
    {
        if (!File.Exists(path)) throw new UsageException($"Berkas \"{path}\" tidak ada.");
        var entries = new List<Entry>();
        var problems = new List<string>();
        var skipped = 0;
        foreach (var (_, rows) in TargetFile.Read(path))
        {
            if (rows.Count == 0) continue;
            var header = rows[0].Cells.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).ToList();
            int Col(params string[] names) => header.FindIndex(names.Contains);
            var (cJabatan, cNo, cNilai, cTahun) = (Col("jabatan"), Col("no", "nomor"), Col("target", "nilai"), Col("tahun"));
            if (cJabatan < 0 || cNo < 0 || cNilai < 0) continue; // not a target table (e.g. the export's Ringkasan sheet)
            foreach (var row in rows.Skip(1))
            {
                string Cell(int i) => i >= 0 && i < row.Cells.Count ? row.Cells[i] : "";
                if (Cell(cNilai).Length == 0) { skipped++; continue; }
                var nama = services.Knowledge.ResolveJabatan(Cell(cJabatan), out var candidates);
                if (nama is null)
                {
                    problems.Add($"{row.Where}: jabatan \"{Cell(cJabatan)}\" " + (candidates.Count > 0 ? $"belum jelas ({string.Join(" / ", candidates)})." : "tidak ada dalam dokumen IKI."));
                    continue;
                }
                var rowTahun = Cell(cTahun).Length > 0 ? Cell(cTahun) : tahun;
                if (Check(services, nama, Cell(cNo), rowTahun, Cell(cNilai), out var problem) is { } entry) entries.Add(entry);
                else problems.Add($"{row.Where}: {problem}");
            }
        }
        var twice = entries.GroupBy(e => (e.Jabatan, e.Row.No, e.Tahun)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Jabatan} no. {g.Key.No} tahun {g.Key.Tahun} tertulis {g.Count()} kali.");
        problems.AddRange(twice);
        if (entries.Count == 0 && problems.Count == 0)
            problems.Add("Tidak ada baris target: berkas perlu kolom Jabatan, No dan Target (atau Nilai), dan baris dengan nilainya.");

        if (problems.Count == 0 && !dryRun)
            foreach (var e in entries)
                await services.Targets.SetAsync(e.Jabatan, e.Row.KeyFor(e.Jabatan), e.Tahun, e.Nilai, null, null);

        if (json)
            output.WriteLine(Json.Write(new { stored = problems.Count == 0 && !dryRun ? entries.Count : 0, valid = entries.Count, skipped, dryRun, errors = problems }));
        else if (problems.Count > 0)
        {
            foreach (var p in problems) error.WriteLine(p);
            error.WriteLine($"Tidak ada yang disimpan: {problems.Count} baris bermasalah. Perbaiki lalu impor lagi.");
        }
        else output.WriteLine(dryRun
            ? $"Periksa saja: {entries.Count} target dapat disimpan ({skipped} baris tanpa nilai dilewati)."
            : $"Disimpan: {entries.Count} target ({skipped} baris tanpa nilai dilewati).");
        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The target a row means, or null with why not (in Indonesian).</summary>
    public static Entry? Check(BotServices services, string jabatan, string no, string? tahun, string nilai, out string? problem)
    {
        problem = null;
        var j = services.Knowledge.Kb.Find(jabatan)!;
        if (!int.TryParse(no.Trim().TrimEnd('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || j.Indikator.FirstOrDefault(r => r.No == n) is not { TidakTerukur: false } row)
        {
            problem = $"baris \"{no}\" tidak ada atau tidak terukur pada indikator {j.Nama}.";
            return null;
        }
        var current = Periode.Of(services.Time.GetUtcNow()).Tahun;
        var year = current;
        if (!string.IsNullOrWhiteSpace(tahun) && (!int.TryParse(tahun.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < 2000 || year > current + 1))
        {
            problem = $"tahun \"{tahun}\" tidak dapat dipakai; tulis tahun 2000 sampai {current + 1}.";
            return null;
        }
        var digits = nilai.Trim();
        if (Angka.IsGrouped(digits)) digits = digits.Replace(".", "");
        var max = services.Settings.MaxValue;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            problem = $"target \"{nilai}\" harus bilangan bulat 0 sampai {Angka.Format(max)}.";
            return null;
        }
        return new Entry(j.Nama, row, year, value);
    }
}
