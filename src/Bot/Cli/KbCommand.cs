using IkiBot.Knowledge.Model;

namespace IkiBot.Bot.Cli;

/// <summary>`kb --json`: the document as the reader understood it, and its import report.</summary>
public static class KbCommand
{
    public static int Execute(KnowledgeBase kb, bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(Json.Write(new
            {
                jabatan = kb.Jabatan.Select(j => new
                {
                    nama = j.Nama,
                    tugas = j.Tugas,
                    fungsi = j.Fungsi,
                    indikator = j.Indikator.Select(r => new
                    {
                        no = r.No, program = r.Program, indikator = r.Uraian, rincian = r.Rincian,
                        formulasi = r.Formulasi, sumberData = r.SumberData,
                    }),
                }),
                report = kb.Report.Select(r => new { line = r.Line, text = r.Text, reason = r.Reason }),
            }));
            return 0;
        }
        foreach (var j in kb.Jabatan)
            output.WriteLine($"{j.Nama}: {j.Tugas.Count} tugas, {j.Fungsi.Count} fungsi, {j.Indikator.Count} indikator, {j.Indikator.Sum(r => r.Rincian.Count)} rincian");
        output.WriteLine($"Jumlah: {kb.Jabatan.Count} jabatan; laporan impor: {kb.Report.Count} baris.");
        foreach (var r in kb.Report) output.WriteLine($"  baris {r.Line}: {r.Reason} {r.Text}");
        return 0;
    }
}
