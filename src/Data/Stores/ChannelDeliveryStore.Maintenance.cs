using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>Looking at and resending outgoing messages by hand (`ikibot outbox list [--failed]`, `ikibot outbox retry ID`).</summary>
public sealed partial class ChannelDeliveryStore
{
    /// <summary>Every channel's messages still waiting (failed = false) or refused for good (failed = true), oldest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(bool failed, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => failed ? m.FailedAt != null : m.FailedAt == null).OrderBy(m => m.Id).ToListAsync(ct);
    }

    /// <summary>
    /// Queues a refused message again. It gets a new id (the running sender reads only ids above the last it saw, so an
    /// old id would wait for a restart) and the refused row goes, in one transaction. Null when there is no such failed message.
    /// </summary>
    public async Task<long?> RetryAsync(long id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var failed = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.FailedAt != null, ct);
        if (failed is null) return null;
        var again = new OutboxMessage
        {
            Channel = failed.Channel, ChatId = failed.ChatId, Payload = failed.Payload, File = failed.File, CreatedAt = time.GetUtcNow(),
            Priority = failed.Priority,
        };
        db.Remove(failed);
        db.Add(again);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return again.Id;
    }
}
