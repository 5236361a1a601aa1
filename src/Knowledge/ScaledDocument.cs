using System.Text.RegularExpressions;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Knowledge;

/// <summary>
/// A synthetic IKI document N times the bundled one, for measuring how the bot scales (issue 13): every jabatan is
/// copied N times with " WILAYAH 001".." WILAYAH N" after its name, and each copy's mentions of its heads ("kepada
/// Kepala Bidang Pelatihan Tenaga Kerja", "oleh Sekretaris") name that copy's heads, so every copy has its own tree.
/// </summary>
public static partial class ScaledDocument
{
    [GeneratedRegex(@"\b(?:kepada|oleh)\s+(?:kepala\s+)?(?:bidang|sekretaris|dinas)[^.;,]*", RegexOptions.IgnoreCase)]
    private static partial Regex HeadMention();

    public static string Suffix(int copy) => $" WILAYAH {copy:000}";

    public static KnowledgeBase Of(KnowledgeBase kb, int copies)
    {
        var jabatan = new List<Jabatan>(kb.Jabatan.Count * copies);
        for (var c = 1; c <= copies; c++)
        {
            var suffix = Suffix(c);
            string Mentions(string text) => HeadMention().Replace(text, m => m.Value.TrimEnd() + suffix + (m.Value.EndsWith(' ') ? " " : ""));
            jabatan.AddRange(kb.Jabatan.Select(j => new Jabatan(j.Nama + suffix, j.Tugas.Select(Mentions).ToList(), j.Fungsi.Select(Mentions).ToList(), j.Indikator)));
        }
        return new KnowledgeBase(jabatan, []);
    }

    /// <summary>The scaled document as the IKI text export, to be read by the document reader like a real file.</summary>
    public static string Text(KnowledgeBase kb, int copies) => KbTextExport.Write(KbDocument.From(Of(kb, copies)));
}
