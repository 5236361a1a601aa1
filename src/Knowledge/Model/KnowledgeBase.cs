namespace IkiBot.Knowledge.Model;

/// <summary>The whole IKI document: every jabatan, plus what the reader could not place.</summary>
public sealed class KnowledgeBase
{
    public KnowledgeBase(IReadOnlyList<Jabatan> jabatan, IReadOnlyList<ImportIssue> report)
    {
        Jabatan = jabatan;
        Report = report;
    }

    public IReadOnlyList<Jabatan> Jabatan { get; }
    public IReadOnlyList<ImportIssue> Report { get; }

    public Jabatan? Find(string nama) =>
        Jabatan.FirstOrDefault(j => string.Equals(j.Nama, nama?.Trim(), StringComparison.OrdinalIgnoreCase));
}
