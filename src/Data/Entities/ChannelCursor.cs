using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// How far a channel adapter has read its platform's update stream (Telegram: the last handled update_id).
/// Written in the same transaction as the update's outbox rows, so a restart resumes right after it.
/// </summary>
public sealed class ChannelCursor
{
    public required string Channel { get; set; }
    public long LastUpdateId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ChannelCursorConfiguration : IEntityTypeConfiguration<ChannelCursor>
{
    public void Configure(EntityTypeBuilder<ChannelCursor> b)
    {
        b.ToTable("ChannelCursor");
        b.HasKey(c => c.Channel);
    }
}
