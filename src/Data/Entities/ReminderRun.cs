using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>A slot of a kind that was worked through to the end (everyone due was tried), so a restart does not plan it again.</summary>
public sealed class ReminderRun
{
    public ReminderKind Kind { get; set; }
    public required string Slot { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public int Sent { get; set; }
}

internal sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> b)
    {
        b.ToTable("ReminderRun");
        b.HasKey(r => new { r.Kind, r.Slot });
        b.Property(r => r.Kind).HasConversion<LowercaseEnumConverter<ReminderKind>>();
    }
}
