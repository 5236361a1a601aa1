namespace IkiBot.Knowledge.Organisation;

/// <summary>
/// The seksi by their own name words (without the words every unit name has), to find the seksi a staff jabatan's
/// name or duties carry without comparing it with every seksi.
/// </summary>
internal sealed class SeksiIndex
{
    private readonly List<(string Nama, List<string> Own)> _seksi = [];
    private readonly Dictionary<string, List<int>> _holders = [];

    public SeksiIndex(IEnumerable<string> seksi)
    {
        foreach (var nama in seksi)
        {
            var own = StrukturOrganisasi.OwnNameWords(nama);
            if (own.Count == 0) continue;
            foreach (var word in own)
            {
                if (!_holders.TryGetValue(word, out var holders)) _holders[word] = holders = [];
                holders.Add(_seksi.Count);
            }
            _seksi.Add((nama, own));
        }
    }

    /// <summary>
    /// The seksi whose own words are all in the jabatan's name (strongest), or, for a seksi with two or more own
    /// words, all in its duties; more own words fit better. Null when none fits, or when two fit equally well.
    /// </summary>
    public string? Fitting(IReadOnlySet<string> name, IReadOnlySet<string> duties)
    {
        var hits = new int[_seksi.Count];
        foreach (var word in duties)
            if (_holders.TryGetValue(word, out var holders))
                foreach (var i in holders) hits[i]++;
        (int Index, int Strength, int Words) best = (-1, 0, 0);
        var tied = false;
        for (var i = 0; i < hits.Length; i++)
        {
            var own = _seksi[i].Own;
            if (hits[i] < own.Count) continue;
            var strength = own.All(name.Contains) ? 2 : own.Count >= 2 ? 1 : 0;
            if (strength == 0) continue;
            if (strength > best.Strength || strength == best.Strength && own.Count > best.Words) (best, tied) = ((i, strength, own.Count), false);
            else if (strength == best.Strength && own.Count == best.Words) tied = true;
        }
        return best.Index < 0 || tied ? null : _seksi[best.Index].Nama;
    }
}
