using IkiBot.Bot.Composition;
using IkiBot.Bot.Editing;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Bot.Cli;

/// <summary>
/// `kb import FILE [--dry-run] [--yes] [--json] [--sama KEY]... [--beda KEY]...` and `kb export --out FILE` (issue 12).
/// A pair that matches only partly is listed with its key ("LAMA=BARU" for a jabatan, "JABATAN#4=3" for rows: old
/// number = new number); --sama keeps the old identity, --beda gives a new one; unanswered pairs count as different.
/// </summary>
public static class KbImportCommand
{
    public static async Task<int> ImportAsync(BotServices services, string file, bool dryRun, bool yes, bool json, TextReader input, TextWriter output,
        IReadOnlyList<string>? sama = null, IReadOnlyList<string>? beda = null)
    {
        var decisions = new Dictionary<string, bool>();
        foreach (var k in sama ?? []) decisions[k.Trim()] = true;
        foreach (var k in beda ?? [])
            if (!decisions.TryAdd(k.Trim(), false)) throw new UsageException($"Pasangan {k.Trim()} disebut di --sama dan --beda sekaligus.");
        if (!File.Exists(file)) throw new UsageException($"Berkas tidak ditemukan: {file}");
        var (kb, problem) = KbImport.Read(file, await File.ReadAllBytesAsync(file));
        if (kb is null)
        {
            output.WriteLine(json ? Json.Write(new { status = "refused", message = problem }) : problem);
            return 1;
        }
        var import = new KbImport(services.Versions);
        var preview = await import.PlanAsync(kb, decisions);
        if (!json && !dryRun && !yes)
            while (preview.Plan.Unclear.FirstOrDefault() is { } pair)
            {
                output.Write($"{pair.Question} (ya/tidak) ");
                decisions[pair.Key] = input.ReadLine()?.Trim().ToLowerInvariant() is "ya" or "y";
                preview = await import.PlanAsync(kb, decisions);
            }
        var unknown = decisions.Keys.Where(k => !preview.Plan.Decided.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            var why = $"Pasangan tidak dikenal: {string.Join(", ", unknown)}. Pakai kunci dari daftar 'Belum jelas' (mis. \"JABATAN#4=3\" atau \"LAMA=BARU\"); tidak ada yang diubah.";
            output.WriteLine(json ? Json.Write(new { status = "refused", message = why }) : why);
            return 1;
        }
        var diff = KbImport.Describe(preview);
        var assumed = yes ? preview.Plan.Unclear.Select(u => u.Key).ToList() : [];
        object Result(string status, int? version, string message) => new
        {
            status, version, message,
            jabatanAdded = preview.Plan.JabatanAdded, jabatanRemoved = preview.Plan.JabatanRemoved,
            jabatanRenamed = preview.Plan.JabatanRenamed.Select(r => new { lama = r.Lama, baru = r.Baru }),
            unclear = preview.Plan.Unclear.Select(u => new { u.Key, u.Jabatan, noLama = u.NoLama, lama = u.Lama, noBaru = u.NoBaru, baru = u.Baru, skor = Math.Round(u.Skor, 2), pertanyaan = u.Question }),
            assumedDifferent = assumed,
            changes = preview.Plan.Changes.Select(c => new { c.Jabatan, c.Jenis, c.Label, c.ElemenId, c.Sebelum, c.Sesudah }),
            leftWithoutRow = preview.LeftWithoutRow.Select(o => new { o.Row.Jabatan, o.Row.Label, o.Row.ElemenId, realisasi = o.Realisasi, target = o.Target }),
        };
        if (preview.Plan.IsEmpty)
        {
            output.WriteLine(json ? Json.Write(Result("unchanged", services.Versions.VersionId, diff)) : diff);
            return 0;
        }
        if (!json) output.WriteLine(diff);
        if (!json && preview.Plan.Unclear.Count > 0 && !yes)
            output.WriteLine("Tentukan dengan --sama \"KUNCI\" (identitas lama tetap) atau --beda \"KUNCI\" (baris baru).");
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
        var message = $"Tersimpan sebagai versi {outcome.Saved!.Id}."
            + (assumed.Count == 0 ? "" : $" {assumed.Count} pasangan belum jelas dianggap berbeda (identitas baru): {string.Join(", ", assumed)}.");
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
