using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// One "/jabatan saya X" request waiting for an admin. An approval names this row's id, and grants exactly its
/// jabatan and role; a newer request of the same user supersedes it (<see cref="StatusPermintaan.Diganti"/>).
/// </summary>
public sealed class PermintaanJabatan
{
    public int Id { get; set; }
    public int PenggunaId { get; set; }

    /// <summary>Exact jabatan name from the IKI document.</summary>
    public required string Jabatan { get; set; }

    /// <summary>The role the user has when asking; the approval grants the jabatan with this role only.</summary>
    public Peran Peran { get; set; }

    public StatusPermintaan Status { get; set; }
    public DateTimeOffset DiajukanPada { get; set; }
    public DateTimeOffset? DiputuskanPada { get; set; }
    public int? DiputuskanOleh { get; set; }
}

/// <summary>Stored as "menunggu" / "disetujui" / "ditolak" / "diganti".</summary>
public enum StatusPermintaan
{
    Menunggu,
    Disetujui,
    Ditolak,
    Diganti,
}

internal sealed class PermintaanJabatanConfiguration : IEntityTypeConfiguration<PermintaanJabatan>
{
    public void Configure(EntityTypeBuilder<PermintaanJabatan> b)
    {
        b.ToTable("PermintaanJabatan");
        b.HasIndex(p => new { p.PenggunaId, p.Status });
        b.HasOne<Pengguna>().WithMany().HasForeignKey(p => p.PenggunaId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Jabatan).IsRequired();
    }
}
