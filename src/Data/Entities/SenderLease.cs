using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// Which bot replica sends the outbox now (several replicas on one PostgreSQL): the holder renews it every few
/// seconds; another replica may take it once <see cref="UntilUnixMs"/> (the database server's clock) has passed.
/// </summary>
public sealed class SenderLease
{
    /// <summary>What is held: "outbox" (every channel's outgoing messages).</summary>
    public required string Name { get; set; }
    public required string Holder { get; set; }
    /// <summary>Milliseconds since 1970 (UTC, the database server's clock) until which the holder may send.</summary>
    public long UntilUnixMs { get; set; }
}

internal sealed class SenderLeaseConfiguration : IEntityTypeConfiguration<SenderLease>
{
    public void Configure(EntityTypeBuilder<SenderLease> b)
    {
        b.ToTable("SenderLease");
        b.HasKey(l => l.Name);
        b.Property(l => l.Holder).IsRequired();
    }
}
