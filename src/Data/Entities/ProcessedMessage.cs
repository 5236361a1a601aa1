using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>Marks an incoming message/update as fully handled by a channel adapter.</summary>
public sealed class ProcessedMessage
{
    public required string Channel { get; set; }
    public required string MessageId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<ProcessedMessage> b)
    {
        b.ToTable("ProcessedMessage");
        b.HasKey(m => new { m.Channel, m.MessageId });
        b.HasIndex(m => m.ProcessedAt);
    }
}
