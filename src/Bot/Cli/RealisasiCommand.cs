using IkiBot.Bot.Composition;
using IkiBot.Data;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Cli;

/// <summary>`realisasi list --periode 2026-11 [--json]`: the active entries of a period.</summary>
public static class RealisasiCommand
{
    public static async Task<int> ListAsync(BotServices services, string? periode, bool json, TextWriter output)
    {
        var code = periode ?? Periode.Of(services.Time.GetUtcNow()).Code;
        if (!PeriodeFormat.IsValid(code)) throw new UsageException($"Periode harus berbentuk TTTT-BB, misalnya 2026-11, bukan \"{code}\".");
        var entries = await services.Realisasi.ListByPeriodeAsync(code);
        var rows = entries.Select(e => new
        {
            id = e.Id, jabatan = e.Jabatan, no = e.IndikatorNo, indikator = e.IndikatorTeks, periode = e.Periode,
            value = e.Nilai, jenis = e.Jenis.ToString().ToLowerInvariant(), penggunaId = e.PenggunaId, waktu = e.DibuatPada, messageId = e.MessageId,
        }).ToList();
        if (json) output.WriteLine(Json.Write(rows));
        else foreach (var r in rows) output.WriteLine($"{r.periode}\t{r.jabatan}\t{r.no}. {r.indikator}\t{r.value}");
        return 0;
    }
}
