using IkiBot.Bot.Composition;
using IkiBot.Data;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>`realisasi list --periode 2026-11 [--json]`: the active entries of a period, written as they are read.</summary>
public static class RealisasiCommand
{
    public static async Task<int> ListAsync(IkiDbContextFactory database, TimeProvider time, string? periode, bool json, TextWriter output)
    {
        var code = periode ?? Periode.Of(time.GetUtcNow()).Code;
        if (!PeriodeFormat.IsValid(code)) throw new UsageException($"Periode harus berbentuk TTTT-BB, misalnya 2026-11, bukan \"{code}\".");
        var store = new RealisasiStore(database, time);
        var first = true;
        // Written in 64 KB chunks: constant memory, and not one console write per entry.
        var chunk = new System.Text.StringBuilder();
        if (json) chunk.Append('[');
        await foreach (var e in store.StreamByPeriodeAsync(code))
        {
            if (json)
            {
                if (!first) chunk.Append(',');
                chunk.Append(Json.Write(new
                {
                    id = e.Id, jabatan = e.Jabatan, no = e.IndikatorNo, indikator = e.IndikatorTeks, periode = e.Periode,
                    value = e.Nilai, jenis = e.Jenis.ToString().ToLowerInvariant(), penggunaId = e.PenggunaId, waktu = e.DibuatPada, messageId = e.MessageId,
                }));
            }
            else chunk.Append(e.Periode).Append('\t').Append(e.Jabatan).Append('\t').Append(e.IndikatorNo).Append(". ")
                .Append(e.IndikatorTeks).Append('\t').Append(e.Nilai).AppendLine();
            first = false;
            if (chunk.Length > 64 * 1024) { output.Write(chunk); chunk.Clear(); }
        }
        if (json) chunk.AppendLine("]");
        output.Write(chunk);
        return 0;
    }
}
