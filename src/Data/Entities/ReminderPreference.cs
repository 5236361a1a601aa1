using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// A user's say over the bot's proactive messages (weekly reminder, supervisor digest): off, paused until a moment,
/// and whether the platform told us the user blocked the bot. No row means: on, not paused, not blocked.
/// </summary>
public sealed class ReminderPreference
{
    public int PenggunaId { get; set; }

    /// <summary>"/pengingat mati": nothing proactive until "/pengingat hidup".</summary>
    public bool Off { get; set; }

    /// <summary>"/pengingat jeda 2 minggu": nothing proactive before this moment.</summary>
    public DateTimeOffset? PausedUntil { get; set; }

    /// <summary>Set when a send failed because the user blocked the bot; such a user is not tried again until this is cleared.</summary>
    public DateTimeOffset? BlockedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> b)
    {
        b.ToTable("ReminderPreference");
        b.HasKey(p => p.PenggunaId);
        b.Property(p => p.PenggunaId).ValueGeneratedNever();
        b.HasOne<Pengguna>().WithOne().HasForeignKey<ReminderPreference>(p => p.PenggunaId).OnDelete(DeleteBehavior.Cascade);
    }
}
