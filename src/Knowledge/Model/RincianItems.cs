using System.Text.RegularExpressions;

namespace IkiBot.Knowledge.Model;

/// <summary>
/// Rows whose rincian are countable items of their own ("Jumlah Kasus PHI/PHK yang ditangani" under "Jumlah Pembinaan
/// yang dilakukan"): a report is stored against the item it names (summed per row in recaps), or the bot asks which.
/// When the row's own text is the umbrella of its items (it carries a word of each), only the items are offered.
/// </summary>
public static partial class RincianItems
{
    private static readonly HashSet<string> Filler = ["jumlah", "yang", "dan", "dilakukan", "yg", "untuk", "dari", "pada", "dengan"];

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Token();

    /// <summary>The countable things a report on this row may be about; empty when the row has no countable rincian.</summary>
    public static IReadOnlyList<string> Of(Indikator row)
    {
        var items = row.Rincian.Select(IndikatorText.Clean).Where(r => r.StartsWith("jumlah ", StringComparison.OrdinalIgnoreCase)).ToList();
        if (items.Count == 0 || row.TidakTerukur) return [];
        var own = Words(row.Uraian);
        var umbrella = items.All(i => Words(i).Any(w => own.Any(o => Same(o, w))));
        return umbrella ? items : [row.Uraian, .. items];
    }

    /// <summary>The item a report's text names: one item, or null with the items to ask between (empty: nothing to choose).</summary>
    public static (string? Item, IReadOnlyList<string> Ask) Pick(Indikator row, string text)
    {
        var items = Of(row);
        if (items.Count == 0) return (null, []);
        var said = Words(text);
        var scores = items.Select(i => (Item: i, Score: Words(i).Count(w => said.Any(s => Same(s, w))))).ToList();
        var best = scores.Max(s => s.Score);
        var top = scores.Where(s => s.Score == best).ToList();
        return best > 0 && top.Count == 1 ? (top[0].Item, []) : (null, items);
    }

    private static List<string> Words(string text) =>
        Token().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !Filler.Contains(w)).Distinct().ToList();

    // Same word, or the same stem closely enough ("penyuluhan"/"penyuluh", "ditangani"/"ditanganin").
    private static bool Same(string a, string b) =>
        a == b || a.Length >= 5 && b.Length >= 5 && string.CompareOrdinal(a, 0, b, 0, Math.Max(5, Math.Min(a.Length, b.Length) - 2)) == 0;
}
