using IkiBot.Data;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Conversation.Reporting;

/// <summary>Stores one decided report and words its confirmation; shared by the chat and the `report` verb.</summary>
public sealed class RealisasiRecorder(RealisasiStore realisasi)
{
    public async Task<(RealisasiResult Result, string Confirmation)> RecordAsync(
        int penggunaId, string jabatan, Indikator row, int value, Periode periode, string messageId, string text, CancellationToken ct,
        string? rincian = null)
    {
        var note = text.Length > 200 ? text[..200] : text;
        // A countable rincian is stored under its own text and the row's key, so recaps sum it into the row.
        var teks = rincian ?? row.Uraian;
        var result = await realisasi.AddAsync(
            new NewRealisasi(penggunaId, jabatan, row.KeyFor(jabatan), row.No, teks, periode.Code, value, note, messageId), ct);
        var head = result.Duplicate ? "Laporan ini sudah tercatat sebelumnya (tidak dihitung dua kali)." : "Tercatat.";
        var total = rincian is null ? $"Total {periode.Label}: {result.Total}" : $"Total baris {row.No} (semua rinciannya) {periode.Label}: {result.Total}";
        return (result, $"{head}\n{row.No}. {teks}: {result.Entry.Nilai}\nPeriode: {periode.Label}\n{total}\nKetik /batal untuk membatalkan.");
    }
}
