using IkiBot.Knowledge.Model;

namespace IkiBot.Knowledge.Versioning;

/// <summary>
/// A new document laid over the current version (kb import): jabatan matched by name, then a jabatan that disappeared
/// and one that appeared are the same (renamed) when their texts match clearly (<see cref="KbPairing"/>); within a
/// jabatan an item or row keeps its id when its text is the same (wherever it moved); tugas/fungsi then by letter;
/// indicator rows then by content similarity, clear pairs at once, unclear pairs only when the admin says so
/// (<paramref name="decisions"/>: pair key → same). What is left is added (new id) or removed.
/// </summary>
public sealed record KbImportPlan(KbDocument Next, IReadOnlyList<string> JabatanAdded, IReadOnlyList<string> JabatanRemoved,
    IReadOnlyList<KbRowChange> Changes)
{
    public IReadOnlyList<KbRename> JabatanRenamed { get; init; } = [];

    /// <summary>Pairs neither clearly the same nor clearly different, not decided yet (treated as different).</summary>
    public IReadOnlyList<KbUnclearPair> Unclear { get; init; } = [];

    /// <summary>Keys of unclear pairs the decisions answered.</summary>
    public IReadOnlyList<string> Decided { get; init; } = [];

    public bool IsEmpty => JabatanAdded.Count == 0 && JabatanRemoved.Count == 0 && JabatanRenamed.Count == 0 && Changes.Count == 0;

    /// <summary>The name under which a jabatan of the new document is stored now (its old name when renamed).</summary>
    public string StoredName(string jabatan) => JabatanRenamed.FirstOrDefault(r => r.Baru == jabatan)?.Lama ?? jabatan;

    public static KbImportPlan Build(KbDocument current, KnowledgeBase incoming, IReadOnlyDictionary<string, bool>? decisions = null)
    {
        decisions ??= new Dictionary<string, bool>();
        var changes = new List<KbRowChange>();
        var unclear = new List<KbUnclearPair>();
        var decided = new List<string>();
        var rows = new KbSimilarity(current.Jabatan.SelectMany(j => j.Indikator).Select(RowWords));
        var texts = new KbSimilarity(current.Jabatan.Select(KbSimilarity.Texts));

        var gone = current.Jabatan.Where(j => incoming.Find(j.Nama) is null).ToList();
        var fresh = incoming.Jabatan.Where(j => current.Find(j.Nama) is null).ToList();
        var renames = KbPairing.Pair(gone, fresh, (o, n) => texts.Score(KbSimilarity.Texts(o), KbSimilarity.Texts(n)),
            (o, n) => $"{o.Nama}={n.Nama}", decisions);
        decided.AddRange(renames.DecidedKeys);
        unclear.AddRange(renames.Unclear.Select(u => new KbUnclearPair(u.Key, u.New.Nama, null, u.Old.Nama, null, u.New.Nama, u.Score)));
        var renamedFrom = renames.Matched.ToDictionary(m => m.New.Nama, m => m.Old);

        var next = new List<KbJabatan>();
        foreach (var j in incoming.Jabatan)
        {
            var old = current.Find(j.Nama) ?? renamedFrom.GetValueOrDefault(j.Nama);
            if (old is null)
            {
                next.Add(KbDocument.From(new KnowledgeBase([j], [])).Jabatan[0]);
                continue;
            }
            var tugas = Match(j.Nama, "tugas", old.Tugas, j.Tugas, changes, "tgs");
            var fungsi = Match(j.Nama, "fungsi", old.Fungsi, j.Fungsi, changes, "fgs");
            next.Add(new KbJabatan(old.Id, j.Nama, tugas, fungsi, MatchRows(j.Nama, old, j.Indikator, changes, rows, decisions, unclear, decided)));
        }
        var renamed = renames.Matched.Select(m => new KbRename(m.Old.Nama, m.New.Nama)).ToList();
        var added = fresh.Where(j => !renamedFrom.ContainsKey(j.Nama)).Select(j => j.Nama).ToList();
        var removed = gone.Where(j => renamed.All(r => r.Lama != j.Nama)).ToList();
        foreach (var g in removed)
            foreach (var r in g.Indikator) changes.Add(new KbRowChange(g.Nama, "hapus", $"indikator {r.No}", r.Id, r.Uraian, null));
        return new KbImportPlan(new KbDocument(next), added, removed.Select(j => j.Nama).ToList(), changes)
        {
            JabatanRenamed = renamed, Unclear = unclear, Decided = decided,
        };
    }

    private static IReadOnlySet<string> RowWords(KbIndikator r) => KbSimilarity.Words([r.Program, r.Uraian, r.Formulasi, r.SumberData], r.Rincian);

    private static IReadOnlySet<string> RowWords(Indikator r) => KbSimilarity.Words([r.Program, r.Uraian, r.Formulasi, r.SumberData], r.Rincian);

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

    private static List<KbIndikator> MatchRows(string jabatan, KbJabatan old, IReadOnlyList<Indikator> incoming, List<KbRowChange> changes,
        KbSimilarity similarity, IReadOnlyDictionary<string, bool> decisions, List<KbUnclearPair> unclear, List<string> decided)
    {
        var start = changes.Count;
        var used = new HashSet<string>();
        var result = new KbIndikator?[incoming.Count];
        KbIndikator With(KbIndikator o, Indikator r) => new(o.Id, r.No, r.Program, r.Uraian, r.Rincian.ToList(), r.Formulasi, r.SumberData, o.Satuan);
        void Changed(KbIndikator pick, Indikator r)
        {
            var changed = Differences(pick, r);
            if (!Same(pick.Uraian, r.Uraian)) changed.Insert(0, ("", pick.Uraian, r.Uraian));
            if (pick.No != r.No || changed.Count > 0)
                changes.Add(new KbRowChange(jabatan, "ubah", pick.No == r.No ? $"indikator {pick.No}" : $"indikator {pick.No} → {r.No}", pick.Id,
                    changed.Count == 0 ? pick.Uraian : string.Join("; ", changed.Select(c => Column(c.Kolom, c.Sebelum))),
                    changed.Count == 0 ? r.Uraian : string.Join("; ", changed.Select(c => Column(c.Kolom, c.Sesudah)))));
        }
        for (var i = 0; i < incoming.Count; i++)
        {
            var sameText = old.Indikator.Where(o => !used.Contains(o.Id) && Same(o.Uraian, incoming[i].Uraian)).ToList();
            var pick = sameText.FirstOrDefault(o => o.No == incoming[i].No) ?? (sameText.Count == 1 ? sameText[0] : null);
            if (pick is null) continue;
            result[i] = With(pick, incoming[i]);
            used.Add(pick.Id);
            Changed(pick, incoming[i]);
        }
        var olds = old.Indikator.Where(o => !used.Contains(o.Id)).ToList();
        var news = Enumerable.Range(0, incoming.Count).Where(i => result[i] is null).ToList();
        var pairs = KbPairing.Pair(olds, news, (o, i) => similarity.Score(RowWords(o), RowWords(incoming[i])),
            (o, i) => $"{jabatan}#{o.No}={incoming[i].No}", decisions);
        decided.AddRange(pairs.DecidedKeys);
        unclear.AddRange(pairs.Unclear.Select(u => new KbUnclearPair(u.Key, jabatan, u.Old.No, u.Old.Uraian, incoming[u.New].No, incoming[u.New].Uraian, u.Score)));
        foreach (var (o, i) in pairs.Matched)
        {
            result[i] = With(o, incoming[i]);
            used.Add(o.Id);
            Changed(o, incoming[i]);
        }
        for (var i = 0; i < incoming.Count; i++)
        {
            if (result[i] is not null) continue;
            var r = incoming[i];
            result[i] = new KbIndikator(KbDocument.NewId("ind"), r.No, r.Program, r.Uraian, r.Rincian.ToList(), r.Formulasi, r.SumberData);
            changes.Add(new KbRowChange(jabatan, "tambah", $"indikator {r.No}", result[i]!.Id, null, r.Uraian));
        }
        foreach (var o in old.Indikator.Where(o => !used.Contains(o.Id)))
            changes.Add(new KbRowChange(jabatan, "hapus", $"indikator {o.No}", o.Id, o.Uraian, null));
        var rowChanges = changes.Skip(start).OrderBy(c => int.Parse(c.Label.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture))
            .ThenBy(c => c.Jenis == "tambah").ToList();
        changes.RemoveRange(start, changes.Count - start);
        changes.AddRange(rowChanges);
        return result.Select(r => r!).ToList();
    }

    private static string Column(string kolom, string text) => kolom.Length == 0 ? text : $"{kolom}: {text}";

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

/// <summary>A jabatan of the current version that the new document names differently (same id, same rows).</summary>
public sealed record KbRename(string Lama, string Baru);

/// <summary>
/// An old and a new element that match only partly. <see cref="Key"/> answers it ("LAMA=BARU" for a jabatan,
/// "JABATAN#old no=new no" for an indicator row); the numbers are null for a jabatan.
/// </summary>
public sealed record KbUnclearPair(string Key, string Jabatan, int? NoLama, string Lama, int? NoBaru, string Baru, double Skor)
{
    public string Question => NoLama is null
        ? $"Jabatan '{Baru}' di dokumen baru: sama dengan jabatan '{Lama}' yang lama (diganti nama)?"
        : $"{Jabatan}, baris {NoBaru} '{Baru}' di dokumen baru: sama dengan baris {NoLama} '{Lama}' yang lama?";
}

/// <summary>One line of the diff: jabatan, "tambah" | "ubah" | "hapus", which element, its id, before and after.</summary>
public sealed record KbRowChange(string Jabatan, string Jenis, string Label, string ElemenId, string? Sebelum, string? Sesudah);
