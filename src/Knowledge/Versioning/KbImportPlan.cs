using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Versioning;

/// <summary>
/// A new document laid over the current version (kb import): jabatan matched by name; within a jabatan an item or row
/// keeps its id when its text is the same (wherever it moved), else when it sits at the same letter or number
/// (a changed text). What is left is added (new id) or removed.
/// </summary>
public sealed record KbImportPlan(KbDocument Next, IReadOnlyList<string> JabatanAdded, IReadOnlyList<string> JabatanRemoved,
    IReadOnlyList<KbRowChange> Changes)
{
    public bool IsEmpty => JabatanAdded.Count == 0 && JabatanRemoved.Count == 0 && Changes.Count == 0;

    public static KbImportPlan Build(KbDocument current, KnowledgeBase incoming)
    {
        var changes = new List<KbRowChange>();
        var next = new List<KbJabatan>();
        foreach (var j in incoming.Jabatan)
        {
            var old = current.Find(j.Nama);
            if (old is null)
            {
                next.Add(KbDocument.From(new KnowledgeBase([j], [])).Jabatan[0]);
                continue;
            }
            var tugas = Match(old.Nama, "tugas", old.Tugas, j.Tugas, changes, "tgs");
            var fungsi = Match(old.Nama, "fungsi", old.Fungsi, j.Fungsi, changes, "fgs");
            next.Add(new KbJabatan(old.Id, old.Nama, tugas, fungsi, MatchRows(old, j.Indikator, changes)));
        }
        var added = incoming.Jabatan.Where(j => current.Find(j.Nama) is null).Select(j => j.Nama).ToList();
        var removed = current.Jabatan.Where(j => incoming.Find(j.Nama) is null).Select(j => j.Nama).ToList();
        foreach (var gone in current.Jabatan.Where(j => incoming.Find(j.Nama) is null))
            foreach (var r in gone.Indikator) changes.Add(new KbRowChange(gone.Nama, "hapus", $"indikator {r.No}", r.Id, r.Uraian, null));
        return new KbImportPlan(new KbDocument(next), added, removed, changes);
    }

    private static List<KbTeks> Match(string jabatan, string kind, IReadOnlyList<KbTeks> old, IReadOnlyList<string> incoming, List<KbRowChange> changes, string prefix)
    {
        var used = new HashSet<string>();
        var result = new KbTeks?[incoming.Count];
        for (var i = 0; i < incoming.Count; i++)
            if (old.FirstOrDefault(o => !used.Contains(o.Id) && Same(o.Teks, incoming[i])) is { } same) { result[i] = same with { Teks = incoming[i] }; used.Add(same.Id); }
        for (var i = 0; i < incoming.Count; i++)
        {
            if (result[i] is not null) continue;
            if (i < old.Count && !used.Contains(old[i].Id))
            {
                result[i] = old[i] with { Teks = incoming[i] };
                used.Add(old[i].Id);
                changes.Add(new KbRowChange(jabatan, "ubah", $"{kind} {(char)('a' + i)}", old[i].Id, old[i].Teks, incoming[i]));
            }
            else
            {
                result[i] = new KbTeks(KbDocument.NewId(prefix), incoming[i]);
                changes.Add(new KbRowChange(jabatan, "tambah", $"{kind} {(char)('a' + i)}", result[i]!.Id, null, incoming[i]));
            }
        }
        foreach (var o in old.Where(o => !used.Contains(o.Id)))
            changes.Add(new KbRowChange(jabatan, "hapus", kind, o.Id, o.Teks, null));
        return result.Select(r => r!).ToList();
    }

    private static List<KbIndikator> MatchRows(KbJabatan old, IReadOnlyList<Indikator> incoming, List<KbRowChange> changes)
    {
        var used = new HashSet<string>();
        var result = new KbIndikator?[incoming.Count];
        KbIndikator With(KbIndikator o, Indikator r) => new(o.Id, r.No, r.Program, r.Uraian, r.Rincian.ToList(), r.Formulasi, r.SumberData, o.Satuan);
        for (var i = 0; i < incoming.Count; i++)
        {
            var sameText = old.Indikator.Where(o => !used.Contains(o.Id) && Same(o.Uraian, incoming[i].Uraian)).ToList();
            var pick = sameText.FirstOrDefault(o => o.No == incoming[i].No) ?? (sameText.Count == 1 ? sameText[0] : null);
            if (pick is null) continue;
            result[i] = With(pick, incoming[i]);
            used.Add(pick.Id);
            var changed = Differences(pick, incoming[i]);
            if (pick.No != incoming[i].No || changed.Count > 0)
                changes.Add(new KbRowChange(old.Nama, "ubah", pick.No == incoming[i].No ? $"indikator {pick.No}" : $"indikator {pick.No} → {incoming[i].No}", pick.Id,
                    changed.Count == 0 ? pick.Uraian : string.Join("; ", changed.Select(c => $"{c.Kolom}: {c.Sebelum}")),
                    changed.Count == 0 ? incoming[i].Uraian : string.Join("; ", changed.Select(c => $"{c.Kolom}: {c.Sesudah}"))));
        }
        for (var i = 0; i < incoming.Count; i++)
        {
            if (result[i] is not null) continue;
            var r = incoming[i];
            var sameNo = old.Indikator.FirstOrDefault(o => !used.Contains(o.Id) && o.No == r.No);
            if (sameNo is not null)
            {
                result[i] = With(sameNo, r);
                used.Add(sameNo.Id);
                changes.Add(new KbRowChange(old.Nama, "ubah", $"indikator {r.No}", sameNo.Id, sameNo.Uraian, r.Uraian));
            }
            else
            {
                result[i] = new KbIndikator(KbDocument.NewId("ind"), r.No, r.Program, r.Uraian, r.Rincian.ToList(), r.Formulasi, r.SumberData);
                changes.Add(new KbRowChange(old.Nama, "tambah", $"indikator {r.No}", result[i]!.Id, null, r.Uraian));
            }
        }
        foreach (var o in old.Indikator.Where(o => !used.Contains(o.Id)))
            changes.Add(new KbRowChange(old.Nama, "hapus", $"indikator {o.No}", o.Id, o.Uraian, null));
        return result.Select(r => r!).ToList();
    }

    private static List<(string Kolom, string Sebelum, string Sesudah)> Differences(KbIndikator o, Indikator r)
    {
        var list = new List<(string, string, string)>();
        if (!Same(o.Program, r.Program)) list.Add(("program", o.Program, r.Program));
        if (!Same(o.Formulasi, r.Formulasi)) list.Add(("formulasi", o.Formulasi, r.Formulasi));
        if (!Same(o.SumberData, r.SumberData)) list.Add(("sumber", o.SumberData, r.SumberData));
        if (!o.Rincian.SequenceEqual(r.Rincian)) list.Add(("rincian", string.Join(" / ", o.Rincian), string.Join(" / ", r.Rincian)));
        return list;
    }

    private static bool Same(string a, string b) =>
        string.Equals(TextNormalizer.Collapse(a), TextNormalizer.Collapse(b), StringComparison.OrdinalIgnoreCase);
}

/// <summary>One line of the diff: jabatan, "tambah" | "ubah" | "hapus", which element, its id, before and after.</summary>
public sealed record KbRowChange(string Jabatan, string Jenis, string Label, string ElemenId, string? Sebelum, string? Sesudah);
