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

    /// <summary>The indicator text as the document printed it (with its noise); the legacy key is built from it, so
    /// realizations and targets stored before cleaning keep matching.</summary>
    public string? UraianAsli { get; init; }

    /// <summary>The row's stable id in the versioned knowledge base ("ind-..."); null for a document read straight from a file.</summary>
    public string? Id { get; init; }

    /// <summary>Unit set by an admin (/ubah indikator ... satuan); null = read from the indicator's words.</summary>
    public string? Satuan { get; init; }

    /// <summary>
    /// Key that realizations and targets are stored under: the stable id when the row has one (it survives edits of
    /// text and numbering), else the document key of <see cref="LegacyKeyFor"/>.
    /// </summary>
    public string KeyFor(string jabatan) => Id ?? LegacyKeyFor(jabatan);

    /// <summary>The key used before the knowledge base had ids: jabatan, row number and indicator text.</summary>
    public string LegacyKeyFor(string jabatan) =>
        $"{jabatan}#{No}#{TextNormalizer.Collapse(UraianAsli ?? Uraian).ToLowerInvariant()}";
}
