using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>A question the bot could not answer, or answered with a question back that the user left (/belumterjawab).</summary>
public sealed class PertanyaanTakTerjawab
{
    public long Id { get; set; }
    public DateTimeOffset Waktu { get; set; }
    public required string Channel { get; set; }
    public required string ChannelUserId { get; set; }
    public required string Teks { get; set; }

    /// <summary>Normalised text, so the same question asked twice is counted together.</summary>
    public required string Kunci { get; set; }

    /// <summary>"tidak-terjawab" or "ditinggalkan".</summary>
    public required string Jenis { get; set; }

    /// <summary>What the bot offered (choices), "" when nothing.</summary>
    public required string Ditawarkan { get; set; }
}

internal sealed class PertanyaanTakTerjawabConfiguration : IEntityTypeConfiguration<PertanyaanTakTerjawab>
{
    public void Configure(EntityTypeBuilder<PertanyaanTakTerjawab> b)
    {
        b.ToTable("PertanyaanTakTerjawab");
        b.HasIndex(p => p.Kunci);
        b.HasIndex(p => p.Waktu);
    }
}
