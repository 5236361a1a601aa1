using System.Text;

namespace IkiBot.Knowledge.Versioning;

/// <summary>Writes a version back as the IKI text export the document reader reads (kb export). Satuan set by an admin has no column there and is left out.</summary>
public static class KbTextExport
{
    public static string Write(KbDocument doc)
    {
        var text = new StringBuilder();
        foreach (var j in doc.Jabatan)
        {
            text.Append("INDIKATOR KINERJA INDIVIDU\n\n");
            text.Append($"1. Jabatan : {Clean(j.Nama)}\n");
            text.Append("2. Tugas :\n");
            for (var i = 0; i < j.Tugas.Count; i++) text.Append($"- {(char)('a' + i)}. {Clean(j.Tugas[i].Teks)}\n");
            text.Append("3. Fungsi :\n");
            for (var i = 0; i < j.Fungsi.Count; i++) text.Append($"- {(char)('a' + i)}. {Clean(j.Fungsi[i].Teks)}\n");
            text.Append("\nNO\tPROGRAM\tINDIKATOR KERJA UTAMA\tPENJELASAN/FORMULASI PENGHITUNGAN\tSUMBER DATA\n");
            foreach (var r in j.Indikator)
            {
                text.Append($"{r.No}\t{Clean(r.Program)}\t{Clean(r.Uraian)}\t{Clean(r.Formulasi)}\t{Clean(r.SumberData)}\n");
                foreach (var rincian in r.Rincian) text.Append($"\t\t{Clean(rincian)}\n");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Clean(string s) => TextNormalizer.Collapse(s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '));
}
