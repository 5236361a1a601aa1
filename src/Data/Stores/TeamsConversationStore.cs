using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>Teams conversation references, one per user: the latest one a message or an install showed.</summary>
public sealed class TeamsConversationStore(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    public async Task<TeamsConversation?> FindAsync(string userKey, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<TeamsConversation>().AsNoTracking().SingleOrDefaultAsync(c => c.UserKey == userKey, ct);
    }

    public async Task<TeamsConversation?> FindByConversationAsync(string conversationId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<TeamsConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.ConversationId == conversationId, ct);
    }

    /// <summary>Saves the reference (inserted or brought up to date); the greeting mark is kept.</summary>
    public async Task SaveAsync(TeamsConversation reference, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var row = await db.Set<TeamsConversation>().SingleOrDefaultAsync(c => c.UserKey == reference.UserKey, ct);
        if (row is null)
        {
            reference.UpdatedAt = time.GetUtcNow();
            db.Add(reference);
        }
        else
        {
            row.TeamsUserId = reference.TeamsUserId;
            row.ServiceUrl = reference.ServiceUrl;
            row.ConversationId = reference.ConversationId;
            row.BotId = reference.BotId;
            row.BotName = reference.BotName;
            row.TenantId = reference.TenantId ?? row.TenantId;
            row.ChannelId = reference.ChannelId ?? row.ChannelId;
            row.UpdatedAt = time.GetUtcNow();
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e)) { } // saved by a concurrent first message
    }

    /// <summary>Marks the user greeted; true only for the call that did it (so the greeting goes out once).</summary>
    public async Task<bool> TryMarkGreetedAsync(string userKey, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await using var db = factory.CreateDbContext();
        return await db.Set<TeamsConversation>().Where(c => c.UserKey == userKey && c.GreetedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.GreetedAt, now), ct) == 1;
    }
}
