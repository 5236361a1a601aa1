using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>
/// Remembers which incoming messages/updates a channel adapter has fully handled.
/// Writes no audit entries: these are delivery bookkeeping, not changes anyone made.
/// </summary>
public sealed class ProcessedMessageStore(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    /// <summary>Records the message as processed; false when it already was.</summary>
    public async Task<bool> TryMarkProcessedAsync(string channel, string messageId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);

        try
        {
            await using var db = factory.CreateDbContext();
            if (await db.ProcessedMessages.AnyAsync(m => m.Channel == channel && m.MessageId == messageId, ct))
                return false;
            db.ProcessedMessages.Add(new ProcessedMessage
            {
                Channel = channel,
                MessageId = messageId,
                ProcessedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<bool> IsProcessedAsync(string channel, string messageId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.ProcessedMessages.AnyAsync(m => m.Channel == channel && m.MessageId == messageId, ct);
    }

    /// <summary>Forgets messages processed before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var cutoff = before;
        return await db.ProcessedMessages.Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
