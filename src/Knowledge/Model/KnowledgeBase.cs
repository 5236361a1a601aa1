namespace IkiBot.Knowledge.Model;

/// <summary>The whole IKI document: every jabatan, plus what the reader could not place.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(IReadOnlyList<Jabatan> jabatan, IReadOnlyList<ImportIssue> report)
    {
        Jabatan = jabatan;
        Report = report;
        foreach (var j in jabatan)
            if (j.Nama is not null) _byName.TryAdd(j.Nama, j);
    }

    private readonly Dictionary<string, Jabatan> _byName = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Jabatan> Jabatan { get; }
    public IReadOnlyList<ImportIssue> Report { get; }

    public Jabatan? Find(string nama) => nama is null ? null : _byName.GetValueOrDefault(nama.Trim());
}
