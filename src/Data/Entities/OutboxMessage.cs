using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// A message a channel adapter has decided to send but not yet delivered. Rows are written together with the
/// update that caused them and deleted once the platform accepted them, so a crash loses no reply.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    /// <summary>The platform's chat/conversation id the message goes to.</summary>
    public required string ChatId { get; set; }
    /// <summary>What to send, in the adapter's own JSON shape (text, buttons, kind).</summary>
    public required string Payload { get; set; }
    /// <summary>File content for a document/photo, if any.</summary>
    public byte[]? File { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set when the platform refused the message for good (blocked bot, bad request); such rows are kept, not retried.</summary>
    public DateTimeOffset? FailedAt { get; set; }
    /// <summary>Interactive rows (answers to someone's own message) are sent before bulk rows (reminders, digests).</summary>
    public OutboxPriority Priority { get; set; }
}

/// <summary>Which waiting messages go first: an answer someone is waiting for, before a reminder or digest.</summary>
public enum OutboxPriority
{
    Interactive = 0,
    Bulk = 1,
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessage");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedOnAdd();
        b.HasIndex(m => new { m.Channel, m.FailedAt, m.Id });
    }
}
