using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

public sealed class Realisasi
{
    public int Id { get; set; }
    public int PenggunaId { get; set; }
    public required string Jabatan { get; set; }

    /// <summary>Stable indicator key computed by the knowledge layer, e.g. "SEKSI X#3#jumlah pkwt yang dicatatkan".</summary>
    public required string IndikatorKey { get; set; }

    /// <summary>The document key ("JABATAN#no#text") this row had before it was mapped to the indicator's stable id (issue 12); null otherwise.</summary>
    public string? IndikatorKeyLama { get; set; }

    public int IndikatorNo { get; set; }
    public required string IndikatorTeks { get; set; }

    /// <summary>"yyyy-MM".</summary>
    public required string Periode { get; set; }

    public int Nilai { get; set; }
    public string? Catatan { get; set; }
    public DateTimeOffset DibuatPada { get; set; }

    /// <summary>"channel:id" of the chat message this entry came from; unique, so a redelivered message never counts twice.</summary>
    public required string MessageId { get; set; }

    public JenisRealisasi Jenis { get; set; }
    public bool Dibatalkan { get; set; }
    public DateTimeOffset? DibatalkanPada { get; set; }

    /// <summary>MessageId of the /batal or correction that cancelled this entry; makes a redelivered /batal a no-op.</summary>
    public string? DibatalkanOlehMessageId { get; set; }
}

internal sealed class RealisasiConfiguration : IEntityTypeConfiguration<Realisasi>
{
    public void Configure(EntityTypeBuilder<Realisasi> b)
    {
        b.ToTable("Realisasi", t =>
        {
            t.HasCheckConstraint("CK_Realisasi_Nilai", "\"Nilai\" >= 0");
            t.HasCheckConstraint("CK_Realisasi_Periode", "\"Periode\" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'");
        });
        b.HasOne<Pengguna>().WithMany().HasForeignKey(r => r.PenggunaId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.MessageId).IsUnique();
        // Both carry Dibatalkan and Nilai so the per-report total and the recaps' GROUP BY read the index alone.
        b.HasIndex(r => new { r.Jabatan, r.IndikatorKey, r.Periode, r.Dibatalkan, r.Nilai });
        b.HasIndex(r => new { r.PenggunaId, r.DibuatPada });
        b.HasIndex(r => new { r.Periode, r.Jabatan, r.IndikatorKey, r.Dibatalkan, r.Nilai });
        b.HasIndex(r => r.DibatalkanOlehMessageId);
    }
}
