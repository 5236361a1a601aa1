using System.Text;
using IkiBot.Knowledge;

namespace IkiBot.Bot.Supervision;

/// <summary>
/// A head's short recap: one line per unit directly under them (a bidang, the sekretariat) with how many jabatan and
/// indicators have reports and the average capaian; the detail comes on request (/rekap detail) or as the xlsx.
/// </summary>
public static class RekapSummary
{
    /// <summary>Recaps over more jabatan than this start with the summary.</summary>
    public const int DetailUpTo = 8;

    public static string Write(Rekap table, PeriodeRange range, string head, IkiKnowledge knowledge, string rangeArgument)
    {
        var byJabatan = table.Jabatan.ToDictionary(j => j.Jabatan, StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder($"*Ringkasan rekap {range.Label}* — {table.Jabatan.Count} jabatan\n");
        text.Append($"(jabatan yang sudah melapor, indikator yang dilaporkan, capaian rata-rata terhadap target tahun {range.Tahun})\n");
        var units = knowledge.Struktur.BawahanOf(head).Select(u => (Unit: u, Members: new[] { u }.Concat(knowledge.Struktur.AllUnder(u)).ToList())).ToList();
        if (byJabatan.ContainsKey(head)) units.Insert(0, (head, [head]));
        foreach (var (unit, members) in units)
        {
            var rows = members.Where(byJabatan.ContainsKey).Select(m => byJabatan[m]).ToList();
            if (rows.Count == 0) continue;
            var reported = rows.Count(j => j.Dilaporkan > 0);
            var indikator = rows.Sum(j => j.Rows.Count);
            var dilaporkan = rows.Sum(j => j.Dilaporkan);
            var capaian = rows.SelectMany(j => j.Rows).Where(r => r.Capaian is not null).Select(r => r.Capaian!.Value).ToList();
            var belum = rows.Where(j => j.Rows.Count > 0 && j.Dilaporkan == 0).Select(j => j.Jabatan).ToList();
            text.Append($"\n*{unit}*: {reported}/{rows.Count} jabatan melapor, {dilaporkan}/{indikator} indikator; capaian " +
                        (capaian.Count == 0 ? "- (target belum ditetapkan)" : $"{capaian.Average():0.#}%") + "\n");
            if (belum.Count > 0) text.Append($"Belum melapor: {string.Join(", ", belum)}\n");
        }
        var suffix = rangeArgument.Length == 0 ? "" : $" {rangeArgument}";
        text.Append($"\nRincian per indikator: /rekap detail{suffix}, atau berkas Excel: /ekspor{suffix}");
        return text.ToString();
    }
}
