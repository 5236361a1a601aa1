using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset Waktu { get; set; }

    /// <summary>Who caused the change, when known. Deliberately no foreign key: the log must outlive anything it mentions.</summary>
    public int? PenggunaId { get; set; }

    /// <summary>e.g. "realisasi.lapor", "pengguna.status".</summary>
    public required string Aksi { get; set; }

    /// <summary>JSON object describing the change.</summary>
    public required string Rincian { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntry");
        b.HasIndex(a => a.Waktu);
    }
}
