using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>A word admins taught the bot (/sinonim kata = istilah dokumen); removed ones stay with DihapusPada set.</summary>
public sealed class KbSinonim
{
    public int Id { get; set; }
    public required string Kata { get; set; }
    public required string Istilah { get; set; }
    public DateTimeOffset DibuatPada { get; set; }
    public int? PenggunaId { get; set; }
    public DateTimeOffset? DihapusPada { get; set; }
}

internal sealed class KbSinonimConfiguration : IEntityTypeConfiguration<KbSinonim>
{
    public void Configure(EntityTypeBuilder<KbSinonim> b)
    {
        b.ToTable("KbSinonim");
        b.HasIndex(s => s.Kata).IsUnique().HasFilter("\"DihapusPada\" IS NULL");
    }
}
