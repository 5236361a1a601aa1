using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// A button payload too long for the platform's callback data (Telegram: 64 bytes), stored under a short id
/// derived from its content, so the same payload always maps to the same id and survives restarts.
/// </summary>
public sealed class ButtonPayload
{
    public required string Id { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ButtonPayloadConfiguration : IEntityTypeConfiguration<ButtonPayload>
{
    public void Configure(EntityTypeBuilder<ButtonPayload> b)
    {
        b.ToTable("ButtonPayload");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.CreatedAt);
    }
}
