using System.Text.RegularExpressions;

namespace IkiBot.Knowledge.Versioning;

/// <summary>
/// How much an old and a new element share, 0..1: the weighted Dice overlap of their features (words of a row, whole
/// texts of a jabatan), each feature weighted by how rare it is in the current document (ln(1 + N/df)), so words like
/// "jumlah" or the "tugas lain dari atasan" line every jabatan has count for little.
/// </summary>
public sealed partial class KbSimilarity
{
    private readonly Dictionary<string, int> _df = new();
    private readonly int _n;

    public KbSimilarity(IEnumerable<IReadOnlySet<string>> corpus)
    {
        foreach (var features in corpus)
        {
            _n++;
            foreach (var f in features) _df[f] = _df.GetValueOrDefault(f) + 1;
        }
    }

    private double Weight(string feature) => Math.Log(1 + (double)Math.Max(_n, 1) / Math.Max(1, _df.GetValueOrDefault(feature)));

    public double Score(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var total = a.Sum(Weight) + b.Sum(Weight);
        return total == 0 ? 0 : 2 * a.Where(b.Contains).Sum(Weight) / total;
    }

    public static IReadOnlySet<string> Words(params IEnumerable<string>[] texts) =>
        texts.SelectMany(t => t).SelectMany(t => Word().Matches(t.ToLowerInvariant()).Select(m => m.Value)).ToHashSet();

    public static string Normal(string text) => TextNormalizer.Collapse(text).TrimEnd(';', ' ', '.').ToLowerInvariant();

    public static IReadOnlySet<string> Texts(KbJabatan j) =>
        j.Tugas.Select(t => "t:" + Normal(t.Teks)).Concat(j.Fungsi.Select(f => "f:" + Normal(f.Teks)))
            .Concat(j.Indikator.Select(r => "i:" + Normal(r.Uraian))).ToHashSet();

    public static IReadOnlySet<string> Texts(Model.Jabatan j) =>
        j.Tugas.Select(t => "t:" + Normal(t)).Concat(j.Fungsi.Select(f => "f:" + Normal(f)))
            .Concat(j.Indikator.Select(r => "i:" + Normal(r.Uraian))).ToHashSet();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}

/// <summary>
/// Pairs what disappeared with what appeared. A pair is clear when its score reaches <see cref="Clear"/> and beats
/// every other candidate of either side by <see cref="Margin"/>; below <see cref="Unrelated"/> the two are different;
/// in between (or when two candidates are close) the admin is asked, and without an answer they are different.
/// </summary>
public static class KbPairing
{
    public const double Clear = 0.7, Unrelated = 0.25, Margin = 0.15;

    public sealed record Result<TOld, TNew>(IReadOnlyList<(TOld Old, TNew New)> Matched, IReadOnlyList<(TOld Old, TNew New, double Score, string Key)> Unclear,
        IReadOnlyList<string> DecidedKeys);

    public static Result<TOld, TNew> Pair<TOld, TNew>(IReadOnlyList<TOld> olds, IReadOnlyList<TNew> news, Func<TOld, TNew, double> score,
        Func<TOld, TNew, string> key, IReadOnlyDictionary<string, bool> decisions)
        where TOld : notnull where TNew : notnull
    {
        var pairs = (from o in olds.Select((v, i) => (v, i)) from n in news.Select((v, i) => (v, i))
                     let s = score(o.v, n.v) where s >= Unrelated
                     select (O: o.i, N: n.i, S: s, Key: key(o.v, n.v))).OrderByDescending(p => p.S).ThenBy(p => p.O).ToList();
        var usedOld = new HashSet<int>();
        var usedNew = new HashSet<int>();
        var matched = new List<(TOld, TNew)>();
        var decided = new List<string>();
        void Take((int O, int N, double S, string Key) p) { usedOld.Add(p.O); usedNew.Add(p.N); matched.Add((olds[p.O], news[p.N])); }

        foreach (var p in pairs.Where(p => decisions.ContainsKey(p.Key)))
        {
            decided.Add(p.Key);
            if (decisions[p.Key] && !usedOld.Contains(p.O) && !usedNew.Contains(p.N)) Take(p);
        }
        var open = pairs.Where(p => !decisions.ContainsKey(p.Key)).ToList();
        foreach (var p in open)
        {
            if (p.S < Clear || usedOld.Contains(p.O) || usedNew.Contains(p.N)) continue;
            var rival = open.Where(q => q != p && !usedOld.Contains(q.O) && !usedNew.Contains(q.N) && (q.O == p.O || q.N == p.N))
                .Select(q => q.S).DefaultIfEmpty(0).Max();
            if (p.S - rival >= Margin) Take(p);
        }
        var unclear = open.Where(p => !usedOld.Contains(p.O) && !usedNew.Contains(p.N))
            .Select(p => (olds[p.O], news[p.N], p.S, p.Key)).ToList();
        return new(matched, unclear, decided);
    }
}
