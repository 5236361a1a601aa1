using IkiBot.Data;
using IkiBot.Knowledge.Model;
using IkiBot.Knowledge.Parsing;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Bot.Editing;

/// <summary>
/// A new document version at once (kb import): the text export or the Word original, read, laid over the current
/// version with identities kept (<see cref="KbImportPlan"/>), shown as a diff, stored only when confirmed.
/// </summary>
public sealed class KbImport(KnowledgeVersions versions)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The document in a file, or why it cannot be imported (Indonesian).</summary>
    public static (KnowledgeBase? Kb, string? Problem) Read(string fileName, byte[] bytes)
    {
        if (bytes.Length > MaxBytes) return (null, $"Berkas terlalu besar ({bytes.Length / 1024 / 1024.0:0.#} MB); paling besar 5 MB.");
        KnowledgeBase kb;
        if (fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            string text;
            try { text = DocxText.Read(bytes); }
            catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException)
            {
                return (null, "Berkas .docx tidak dapat dibaca sebagai dokumen Word.");
            }
            kb = new IkiDocumentParser().Parse(text);
            if (kb.Jabatan.Count == 0) return (null, "Tabel dalam dokumen Word ini tidak tampak seperti tabel IKI (tidak ada jabatan yang terbaca); tidak ada yang diubah.");
        }
        else
        {
            kb = new IkiDocumentParser().Parse(bytes);
            if (kb.Report.Any(r => r.Reason.Contains("biner"))) return (null, "Berkas bukan teks atau dokumen Word; tidak ada yang diubah.");
            if (kb.Jabatan.Count == 0) return (null, "Tidak ada jabatan dalam dokumen ini; tidak ada yang diubah.");
        }
        return (kb, null);
    }

    public sealed record Preview(KbImportPlan Plan, int BaseVersionId, IReadOnlyList<(KbRowChange Row, int Realisasi, int Target)> LeftWithoutRow)
    {
        /// <summary>Renamed jabatan that the settings (Struktur:Atasan) still name by their old name.</summary>
        public IReadOnlyList<KbRename> NamedInSettings { get; init; } = [];
    }

    public async Task<Preview> PlanAsync(KnowledgeBase incoming, CancellationToken ct = default) => await PlanAsync(incoming, null, ct);

    /// <summary>The diff; <paramref name="decisions"/> answers unclear pairs (key → same), the rest count as different.</summary>
    public async Task<Preview> PlanAsync(KnowledgeBase incoming, IReadOnlyDictionary<string, bool>? decisions, CancellationToken ct = default)
    {
        await versions.RefreshAsync(ct);
        var baseId = versions.VersionId;
        var plan = KbImportPlan.Build(versions.Document, incoming, decisions);
        var orphans = new List<(KbRowChange, int, int)>();
        foreach (var removed in plan.Changes.Where(c => c.Jenis == "hapus" && c.ElemenId.StartsWith("ind-")))
        {
            var (r, t) = await versions.Store.StoredUnderAsync(plan.StoredName(removed.Jabatan), removed.ElemenId, ct);
            if (r + t > 0) orphans.Add((removed, r, t));
        }
        var settings = versions.Knowledge.AtasanOverrides;
        return new Preview(plan, baseId, orphans)
        {
            NamedInSettings = plan.JabatanRenamed.Where(r => settings.Any(a => Named(a.Key, r.Lama) || Named(a.Value, r.Lama))).ToList(),
        };
    }

    private static bool Named(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Stores the plan as a new version when nobody saved one since it was made.</summary>
    public Task<SaveOutcome> SaveAsync(Preview preview, string keterangan, int? penggunaId, string oleh, CancellationToken ct = default) =>
        versions.SaveAsync((_, latestId) => latestId != preview.BaseVersionId
                ? EditResult.Refused("dokumen sudah diubah sejak diff ini dibuat; ulangi impor.")
                : new EditResult(preview.Plan.Next, [], null) { Renames = preview.Plan.JabatanRenamed.Select(r => (r.Lama, r.Baru)).ToList() },
            "impor", keterangan, penggunaId, oleh, ct);

    /// <summary>The diff as the admin reads it.</summary>
    public static string Describe(Preview p)
    {
        var plan = p.Plan;
        if (plan.IsEmpty) return "Dokumen sama dengan versi sekarang; tidak ada perubahan.";
        var lines = new List<string> { "*Perbedaan dengan versi sekarang*" };
        if (plan.JabatanAdded.Count > 0) lines.Add($"Jabatan baru: {string.Join(", ", plan.JabatanAdded)}");
        if (plan.JabatanRemoved.Count > 0) lines.Add($"Jabatan dihapus: {string.Join(", ", plan.JabatanRemoved)}");
        foreach (var r in plan.JabatanRenamed) lines.Add($"Jabatan diganti nama: {r.Lama} → {r.Baru} (baris, realisasi dan target tetap)");
        foreach (var g in plan.Changes.Where(c => !plan.JabatanRemoved.Contains(c.Jabatan)).GroupBy(c => c.Jabatan))
        {
            lines.Add($"{g.Key}:");
            foreach (var c in g)
                lines.Add(c.Jenis switch
                {
                    "tambah" => $"  + {c.Label}: {c.Sesudah}",
                    "hapus" => $"  - {c.Label}: {c.Sebelum}",
                    _ when c.Sebelum == c.Sesudah => $"  ~ {c.Label}: {c.Sesudah}",
                    _ => $"  ~ {c.Label}: {c.Sebelum} → {c.Sesudah}",
                });
        }
        foreach (var (row, r, t) in p.LeftWithoutRow)
            lines.Add($"Perhatian: {row.Jabatan} {row.Label} dihapus; {r} realisasi dan {t} target tersimpan tidak lagi punya baris (tetap tersimpan).");
        foreach (var r in p.NamedInSettings)
            lines.Add($"Perhatian: pengaturan Struktur:Atasan masih menyebut {r.Lama}; ganti menjadi {r.Baru} di sana.");
        if (plan.Unclear.Count > 0)
        {
            lines.Add("Belum jelas (tanpa jawaban dianggap berbeda, jadi baris baru):");
            lines.AddRange(plan.Unclear.Select(u => $"  ? {u.Question} [{u.Key}]"));
        }
        return string.Join("\n", lines);
    }
}
