namespace IkiBot.Knowledge.Model;

/// <summary>One numbered row of a jabatan's indicator table.</summary>
public sealed record Indikator(
    int No,
    string Program,
    string Uraian,
    IReadOnlyList<string> Rincian,
    string Formulasi,
    string SumberData)
{
    /// <summary>NIHIL or empty: there is nothing to count on this row.</summary>
    public bool TidakTerukur =>
        string.IsNullOrWhiteSpace(Uraian) || Uraian.Trim().Equals("NIHIL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The indicator text as the document printed it (with its noise); the key is built from it, so stored
    /// realizations and targets keep matching after the displayed text was cleaned.</summary>
    public string? UraianAsli { get; init; }

    /// <summary>Key that identifies the row across a revised document: jabatan, row number and indicator text.</summary>
    public string KeyFor(string jabatan) =>
        $"{jabatan}#{No}#{TextNormalizer.Collapse(UraianAsli ?? Uraian).ToLowerInvariant()}";
}
