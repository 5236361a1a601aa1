using System.Text.Json;
using IkiBot.Knowledge.Versioning;

namespace IkiBot.Bot.Editing;

/// <summary>The three kinds of element an admin edits in a jabatan: tugas, fungsi (lettered) and indicator rows (numbered).</summary>
public enum ElementKind { Tugas, Fungsi, Indikator }

/// <summary>Finding, putting back and removing one element of a jabatan by its stable id.</summary>
public static class KbElements
{
    public static string Name(this ElementKind kind) => kind switch
    {
        ElementKind.Tugas => "tugas",
        ElementKind.Fungsi => "fungsi",
        _ => "indikator",
    };

    public static string Letter(int index) => ((char)('a' + index)).ToString();

    /// <summary>The element with this id in the jabatan (a KbTeks or a KbIndikator) and its position, or null.</summary>
    public static (object Element, int Index)? Find(KbJabatan j, string elemenId)
    {
        for (var i = 0; i < j.Tugas.Count; i++) if (j.Tugas[i].Id == elemenId) return (j.Tugas[i], i);
        for (var i = 0; i < j.Fungsi.Count; i++) if (j.Fungsi[i].Id == elemenId) return (j.Fungsi[i], i);
        for (var i = 0; i < j.Indikator.Count; i++) if (j.Indikator[i].Id == elemenId) return (j.Indikator[i], i);
        return null;
    }

    public static ElementKind KindOf(string elemenId) => elemenId.StartsWith("tgs-") ? ElementKind.Tugas
        : elemenId.StartsWith("fgs-") ? ElementKind.Fungsi : ElementKind.Indikator;

    /// <summary>Replaces the element with this id, inserts it at <paramref name="index"/> when absent, or removes it when <paramref name="element"/> is null.</summary>
    public static KbJabatan Put(KbJabatan j, string elemenId, object? element, int index)
    {
        switch (KindOf(elemenId))
        {
            case ElementKind.Tugas: return j with { Tugas = Put(j.Tugas, t => t.Id == elemenId, (KbTeks?)element, index) };
            case ElementKind.Fungsi: return j with { Fungsi = Put(j.Fungsi, t => t.Id == elemenId, (KbTeks?)element, index) };
            default: return j with { Indikator = Put(j.Indikator, r => r.Id == elemenId, (KbIndikator?)element, index) };
        }
    }

    private static List<T> Put<T>(IReadOnlyList<T> list, Func<T, bool> isIt, T? element, int index) where T : class
    {
        var result = list.ToList();
        var at = result.FindIndex(x => isIt(x));
        if (element is null) { if (at >= 0) result.RemoveAt(at); return result; }
        if (at >= 0) result[at] = element;
        else result.Insert(Math.Clamp(index, 0, result.Count), element);
        return result;
    }

    /// <summary>The element's whole content, to tell whether it changed (for optimistic concurrency and undo).</summary>
    public static string? Fingerprint(KbJabatan? j, string elemenId) =>
        j is null || Find(j, elemenId) is not { } found ? null : JsonSerializer.Serialize(found.Element, found.Element.GetType());

    /// <summary>"tugas b", "indikator 3".</summary>
    public static string Label(KbJabatan j, string elemenId) => Find(j, elemenId) switch
    {
        { Element: KbIndikator r } => $"indikator {r.No}",
        { Element: KbTeks, Index: var i } => $"{KindOf(elemenId).Name()} {Letter(i)}",
        _ => KindOf(elemenId).Name(),
    };
}
