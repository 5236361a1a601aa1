using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>
/// A message to put in the outbox: where it goes, what it says (adapter JSON), an optional file, the channel whose
/// outbox sends it when that is not the committing channel's (a Teams user's request to an admin on Telegram), and
/// whether someone is waiting for it (interactive) or it is a proactive bulk send (reminder, digest).
/// </summary>
public sealed record OutboxDraft(string ChatId, string Payload, byte[]? File = null, string? Channel = null,
    OutboxPriority Priority = OutboxPriority.Interactive);

/// <summary>
/// A channel adapter's delivery bookkeeping: which updates are handled, how far the update stream was read,
/// what is still to be sent, and long button payloads. Writes no audit entries (bookkeeping, not anyone's change).
/// </summary>
public sealed partial class ChannelDeliveryStore(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    public async Task<long?> GetCursorAsync(string channel, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<ChannelCursor>().AsNoTracking()
            .Where(c => c.Channel == channel).Select(c => (long?)c.LastUpdateId).SingleOrDefaultAsync(ct);
    }

    public async Task<bool> IsHandledAsync(string channel, string messageId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.ProcessedMessages.AnyAsync(m => m.Channel == channel && m.MessageId == messageId, ct);
    }

    /// <summary>
    /// In one transaction: marks the message handled, moves the cursor forward to <paramref name="updateId"/> (never back),
    /// stores the long button payloads and queues the outgoing messages (each in its own channel's outbox). False, with nothing written, when the message
    /// was already handled.
    /// </summary>
    public async Task<bool> CommitAsync(string channel, string messageId, long? updateId,
        IReadOnlyList<OutboxDraft> outbox, IReadOnlyDictionary<string, string>? buttons = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        var now = time.GetUtcNow();
        try
        {
            await using var db = factory.CreateDbContext();
            if (await db.ProcessedMessages.AnyAsync(m => m.Channel == channel && m.MessageId == messageId, ct))
                return false;
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = channel, MessageId = messageId, ProcessedAt = now });

            if (updateId is { } id)
            {
                var cursor = await db.Set<ChannelCursor>().SingleOrDefaultAsync(c => c.Channel == channel, ct);
                if (cursor is null)
                    db.Add(new ChannelCursor { Channel = channel, LastUpdateId = id, UpdatedAt = now });
                else if (id > cursor.LastUpdateId)
                {
                    cursor.LastUpdateId = id;
                    cursor.UpdatedAt = now;
                }
            }

            if (buttons is { Count: > 0 })
            {
                var ids = buttons.Keys.ToList();
                var known = await db.Set<ButtonPayload>().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
                foreach (var (key, payload) in buttons)
                    if (!known.Contains(key))
                        db.Add(new ButtonPayload { Id = key, Payload = payload, CreatedAt = now });
            }

            foreach (var draft in outbox)
                db.Add(new OutboxMessage
                {
                    Channel = draft.Channel ?? channel, ChatId = draft.ChatId, Payload = draft.Payload, File = draft.File, CreatedAt = now,
                    Priority = draft.Priority,
                });

            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false; // another writer handled the same message between our check and our insert
        }
    }

    /// <summary>Undelivered, not failed messages of the channel with an id above <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(string channel, long afterId, int limit = 500, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Channel == channel && m.FailedAt == null && m.Id > afterId)
            .OrderBy(m => m.Id).Take(limit).ToListAsync(ct);
    }

    public async Task DeliveredAsync(long id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteDeleteAsync(ct);
    }

    public async Task AttemptFailedAsync(long id, string error, bool final, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var shortError = error.Length > 500 ? error[..500] : error;
        await using var db = factory.CreateDbContext();
        await db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, shortError)
            .SetProperty(m => m.FailedAt, m => final ? now : m.FailedAt), ct);
    }

    public async Task<IReadOnlyList<OutboxMessage>> FailedAsync(string channel, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Channel == channel && m.FailedAt != null).OrderBy(m => m.Id).ToListAsync(ct);
    }

    public async Task<string?> FindButtonPayloadAsync(string id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<ButtonPayload>().AsNoTracking().Where(p => p.Id == id).Select(p => p.Payload).SingleOrDefaultAsync(ct);
    }
}
