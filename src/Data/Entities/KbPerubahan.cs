using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>One admin edit of the knowledge base: who, when, which element, before and after (/riwayat, /urungkan).</summary>
public sealed class KbPerubahan
{
    public int Id { get; set; }

    /// <summary>The version this edit created.</summary>
    public int VersionId { get; set; }

    public DateTimeOffset Waktu { get; set; }
    public int? PenggunaId { get; set; }
    public required string Oleh { get; set; }
    public required string Jabatan { get; set; }

    /// <summary>e.g. "ubah tugas", "tambah indikator", "hapus fungsi", "urungkan".</summary>
    public required string Jenis { get; set; }

    /// <summary>Stable id of the tugas, fungsi or indicator row changed.</summary>
    public required string ElemenId { get; set; }

    /// <summary>Readable label, e.g. "tugas b", "indikator 3 (rincian)".</summary>
    public required string Label { get; set; }

    public string? Sebelum { get; set; }
    public string? Sesudah { get; set; }

    /// <summary>The edit that /urungkan reverted (set on the undo's own row).</summary>
    public int? MengurungkanId { get; set; }

    /// <summary>Set on an edit once it has been undone, so /urungkan goes one further back.</summary>
    public int? DiurungkanOlehId { get; set; }
}

internal sealed class KbPerubahanConfiguration : IEntityTypeConfiguration<KbPerubahan>
{
    public void Configure(EntityTypeBuilder<KbPerubahan> b)
    {
        b.ToTable("KbPerubahan");
        b.HasOne<KbVersion>().WithMany().HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.Jabatan, p.Waktu });
        b.HasIndex(p => new { p.PenggunaId, p.Id });
        b.HasIndex(p => p.ElemenId);
    }
}
