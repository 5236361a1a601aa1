using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>Stored as "pengingat" (weekly reminder to staff) / "ringkasan" (weekly digest to an atasan).</summary>
public enum ReminderKind
{
    Pengingat,
    Ringkasan,
}

/// <summary>Stored lowercase.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed and being handed to the channel; a row left in this state by a crash is retried after a lease.</summary>
    Sending,
    /// <summary>The platform accepted it.</summary>
    Delivered,
    /// <summary>Handed to the channel's durable outgoing queue; delivery is the queue's job now.</summary>
    Queued,
    /// <summary>The user blocked the bot: not retried.</summary>
    Blocked,
    /// <summary>A transient failure; retried within the slot's day up to a few attempts.</summary>
    Failed,
}

/// <summary>
/// One proactive message for one user in one slot (a reminder occurrence such as "2026-11-27T14:00"). Unique on
/// (Kind, Slot, PenggunaId): whatever restarts, a slot reaches a user at most once once it has been delivered.
/// </summary>
public sealed class ReminderDelivery
{
    public long Id { get; set; }
    public ReminderKind Kind { get; set; }
    public required string Slot { get; set; }
    public int PenggunaId { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ReminderDeliveryConfiguration : IEntityTypeConfiguration<ReminderDelivery>
{
    public void Configure(EntityTypeBuilder<ReminderDelivery> b)
    {
        b.ToTable("ReminderDelivery");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedOnAdd();
        b.Property(d => d.Kind).HasConversion<LowercaseEnumConverter<ReminderKind>>();
        b.Property(d => d.Status).HasConversion<LowercaseEnumConverter<DeliveryStatus>>();
        b.HasIndex(d => new { d.Kind, d.Slot, d.PenggunaId }).IsUnique();
        b.HasOne<Pengguna>().WithMany().HasForeignKey(d => d.PenggunaId).OnDelete(DeleteBehavior.Cascade);
    }
}
