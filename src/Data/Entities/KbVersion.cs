using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// One version of the knowledge base (issue 12): the whole document with the stable ids of every jabatan, tugas,
/// fungsi and indicator row, as JSON. The highest Id is the current version; versions are never changed or deleted.
/// </summary>
public sealed class KbVersion
{
    public int Id { get; set; }
    public DateTimeOffset DibuatPada { get; set; }

    /// <summary>Who made it; null for the import at first start or from the command line.</summary>
    public int? PenggunaId { get; set; }

    /// <summary>Display name of whoever made it ("impor awal" for the first import).</summary>
    public required string Oleh { get; set; }

    /// <summary>"impor", "ubah", "urungkan".</summary>
    public required string Sumber { get; set; }

    public required string Keterangan { get; set; }

    /// <summary>The document (KbDocument JSON).</summary>
    public required string Isi { get; set; }
}

internal sealed class KbVersionConfiguration : IEntityTypeConfiguration<KbVersion>
{
    public void Configure(EntityTypeBuilder<KbVersion> b) => b.ToTable("KbVersion");
}
