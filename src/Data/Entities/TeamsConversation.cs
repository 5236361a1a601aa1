using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IkiBot.Data;

/// <summary>
/// A Teams conversation reference: where to post to reach a Teams user without waiting for them to write (weekly
/// reminder, digest, an admin's approval request). Saved on the user's first message or on install.
/// </summary>
public sealed class TeamsConversation
{
    /// <summary>The user as the bot knows them (<c>Pengguna.ChannelUserId</c>): from.aadObjectId, else from.id.</summary>
    public required string UserKey { get; set; }
    /// <summary>The Teams user id in that conversation ("29:...").</summary>
    public required string TeamsUserId { get; set; }
    public required string ServiceUrl { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>The bot's account in the conversation ("28:&lt;app id&gt;").</summary>
    public required string BotId { get; set; }
    public string? BotName { get; set; }
    public string? TenantId { get; set; }
    public string? ChannelId { get; set; }
    /// <summary>When the install greeting went out; set once, so a re-install or a second event does not greet again.</summary>
    public DateTimeOffset? GreetedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class TeamsConversationConfiguration : IEntityTypeConfiguration<TeamsConversation>
{
    public void Configure(EntityTypeBuilder<TeamsConversation> b)
    {
        b.ToTable("TeamsConversation");
        b.HasKey(c => c.UserKey);
    }
}
