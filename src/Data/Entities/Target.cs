using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

public sealed class Target
{
    public int Id { get; set; }
    public required string Jabatan { get; set; }
    public required string IndikatorKey { get; set; }

    /// <summary>The document key ("JABATAN#no#text") this row had before it was mapped to the indicator's stable id (issue 12); null otherwise.</summary>
    public string? IndikatorKeyLama { get; set; }
    public int Tahun { get; set; }
    public int Nilai { get; set; }
    public string? Satuan { get; set; }
    public DateTimeOffset DiubahPada { get; set; }

    /// <summary>PenggunaId of whoever set it last; null when set outside the chat (e.g. a CLI).</summary>
    public int? DiubahOleh { get; set; }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.ToTable("Target", t => t.HasCheckConstraint("CK_Target_Nilai", "\"Nilai\" >= 0"));
        b.HasIndex(t => new { t.Jabatan, t.IndikatorKey, t.Tahun }).IsUnique();
        b.HasOne<Pengguna>().WithMany().HasForeignKey(t => t.DiubahOleh).OnDelete(DeleteBehavior.Restrict);
    }
}
