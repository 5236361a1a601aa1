using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

public sealed class Pengguna
{
    public int Id { get; set; }

    /// <summary>"telegram", "teams" or "console".</summary>
    public required string Channel { get; set; }

    public required string ChannelUserId { get; set; }
    public required string NamaTampilan { get; set; }

    /// <summary>Exact jabatan name from the IKI document; null until the user picks one.</summary>
    public string? Jabatan { get; set; }

    public Peran Peran { get; set; }
    public StatusPengguna Status { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
}

internal sealed class PenggunaConfiguration : IEntityTypeConfiguration<Pengguna>
{
    public void Configure(EntityTypeBuilder<Pengguna> b)
    {
        b.ToTable("Pengguna");
        b.HasIndex(p => new { p.Channel, p.ChannelUserId }).IsUnique();
        b.Property(p => p.Channel).IsRequired();
        b.Property(p => p.ChannelUserId).IsRequired();
        b.Property(p => p.NamaTampilan).IsRequired();
    }
}
