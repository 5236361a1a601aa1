using IkiBot.Bot.Composition;
using IkiBot.Bot.Editing;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Bot.Cli;

/// <summary>`kb import FILE [--dry-run] [--yes] [--json]` and `kb export --out FILE` (issue 12).</summary>
public static class KbImportCommand
{
    public static async Task<int> ImportAsync(BotServices services, string file, bool dryRun, bool yes, bool json, TextReader input, TextWriter output)
    {
        if (!File.Exists(file)) throw new UsageException($"Berkas tidak ditemukan: {file}");
        var (kb, problem) = KbImport.Read(file, await File.ReadAllBytesAsync(file));
        if (kb is null)
        {
            output.WriteLine(json ? Json.Write(new { status = "refused", message = problem }) : problem);
            return 1;
        }
        var import = new KbImport(services.Versions);
        var preview = await import.PlanAsync(kb);
        var diff = KbImport.Describe(preview);
        object Result(string status, int? version, string message) => new
        {
            status, version, message,
            jabatanAdded = preview.Plan.JabatanAdded, jabatanRemoved = preview.Plan.JabatanRemoved,
            changes = preview.Plan.Changes.Select(c => new { c.Jabatan, c.Jenis, c.Label, c.ElemenId, c.Sebelum, c.Sesudah }),
            leftWithoutRow = preview.LeftWithoutRow.Select(o => new { o.Row.Jabatan, o.Row.Label, o.Row.ElemenId, realisasi = o.Realisasi, target = o.Target }),
        };
        if (preview.Plan.IsEmpty)
        {
            output.WriteLine(json ? Json.Write(Result("unchanged", services.Versions.VersionId, diff)) : diff);
            return 0;
        }
        if (!json) output.WriteLine(diff);
        if (dryRun || (json && !yes))
        {
            if (json) output.WriteLine(Json.Write(Result(dryRun ? "dry-run" : "needs-confirmation", null, dryRun ? "Tidak disimpan (--dry-run)." : "Tambahkan --yes untuk menyimpan.")));
            return 0;
        }
        if (!yes)
        {
            output.Write("Simpan sebagai versi baru? (ya/tidak) ");
            var answer = input.ReadLine()?.Trim().ToLowerInvariant();
            if (answer is not ("ya" or "y"))
            {
                output.WriteLine("Dibatalkan; dokumen tidak berubah.");
                return 0;
            }
        }
        var outcome = await import.SaveAsync(preview, $"impor {Path.GetFileName(file)}", null, "impor berkas");
        if (outcome.Refusal is not null)
        {
            output.WriteLine(json ? Json.Write(Result("refused", null, outcome.Refusal)) : "Tidak disimpan: " + outcome.Refusal);
            return 1;
        }
        var message = $"Tersimpan sebagai versi {outcome.Saved!.Id}.";
        output.WriteLine(json ? Json.Write(Result("saved", outcome.Saved.Id, message)) : message);
        return 0;
    }

    public static async Task<int> ExportAsync(BotServices services, string outFile, TextWriter output)
    {
        var path = Path.GetFullPath(outFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, KbTextExport.Write(services.Versions.Document));
        output.WriteLine($"Versi {services.Versions.VersionId} ditulis ke {path} ({services.Versions.Document.Jabatan.Count} jabatan).");
        return 0;
    }
}
