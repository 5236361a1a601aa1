using IkiBot.Data;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Conversation.Reporting;

/// <summary>Stores one decided report and words its confirmation; shared by the chat and the `report` verb.</summary>
public sealed class RealisasiRecorder(RealisasiStore realisasi)
{
    public async Task<(RealisasiResult Result, string Confirmation)> RecordAsync(
        int penggunaId, string jabatan, Indikator row, int value, Periode periode, string messageId, string text, CancellationToken ct)
    {
        var note = text.Length > 200 ? text[..200] : text;
        var result = await realisasi.AddAsync(
            new NewRealisasi(penggunaId, jabatan, row.KeyFor(jabatan), row.No, row.Uraian, periode.Code, value, note, messageId), ct);
        var head = result.Duplicate ? "Laporan ini sudah tercatat sebelumnya (tidak dihitung dua kali)." : "Tercatat.";
        return (result, $"{head}\n{row.No}. {row.Uraian}: {result.Entry.Nilai}\nPeriode: {periode.Label}\nTotal {periode.Label}: {result.Total}\nKetik /batal untuk membatalkan.");
    }
}
