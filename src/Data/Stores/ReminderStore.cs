using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>
/// Reminder bookkeeping: users' preferences (off, paused, blocked the bot), which slot reached whom, and which slots
/// were worked through. Preference changes are audited (a user's own choice); delivery rows are bookkeeping and are not.
/// </summary>
public sealed class ReminderStore(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    /// <summary>How long a claim may stay "sending" before another run may take it over (a crash between claim and send).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    public const int MaxAttempts = 3;

    public async Task<ReminderPreference?> PreferenceAsync(int penggunaId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<ReminderPreference>().AsNoTracking().SingleOrDefaultAsync(p => p.PenggunaId == penggunaId, ct);
    }

    public async Task<IReadOnlyDictionary<int, ReminderPreference>> PreferencesAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<ReminderPreference>().AsNoTracking().ToDictionaryAsync(p => p.PenggunaId, ct);
    }

    /// <summary>"/pengingat mati" (off = true) or "/pengingat hidup" (off = false; also ends a pause and clears a block mark).</summary>
    public Task<ReminderPreference> SetOffAsync(int penggunaId, bool off, CancellationToken ct = default) =>
        UpdateAsync(penggunaId, off ? "pengingat.mati" : "pengingat.hidup", p =>
        {
            p.Off = off;
            if (!off)
            {
                p.PausedUntil = null;
                p.BlockedAt = null;
            }
        }, audit: true, ct);

    public Task<ReminderPreference> PauseUntilAsync(int penggunaId, DateTimeOffset until, CancellationToken ct = default) =>
        UpdateAsync(penggunaId, "pengingat.jeda", p => p.PausedUntil = until, audit: true, ct);

    /// <summary>The platform said the user blocked the bot: no proactive message is tried again until cleared.</summary>
    public Task<ReminderPreference> MarkBlockedAsync(int penggunaId, CancellationToken ct = default) =>
        UpdateAsync(penggunaId, "pengingat.diblokir", p => p.BlockedAt ??= time.GetUtcNow(), audit: false, ct);

    /// <summary>The user wrote to the bot again (so it is no longer blocked): clears the mark, keeps off/pause.</summary>
    public async Task ClearBlockedAsync(int penggunaId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Set<ReminderPreference>().Where(p => p.PenggunaId == penggunaId && p.BlockedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BlockedAt, (DateTimeOffset?)null), ct);
    }

    /// <summary>Same, by the user's channel id: called for every message that arrives (a user who blocked the bot cannot write to it).</summary>
    public async Task ClearBlockedAsync(string channel, string channelUserId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Set<ReminderPreference>()
            .Where(p => p.BlockedAt != null && db.Pengguna.Any(u => u.Id == p.PenggunaId && u.Channel == channel && u.ChannelUserId == channelUserId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.BlockedAt, (DateTimeOffset?)null), ct);
    }

    public async Task<bool> IsRunFinishedAsync(ReminderKind kind, string slot, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<ReminderRun>().AnyAsync(r => r.Kind == kind && r.Slot == slot, ct);
    }

    public async Task FinishRunAsync(ReminderKind kind, string slot, int sent, CancellationToken ct = default)
    {
        try
        {
            await using var db = factory.CreateDbContext();
            if (await db.Set<ReminderRun>().AnyAsync(r => r.Kind == kind && r.Slot == slot, ct)) return;
            db.Add(new ReminderRun { Kind = kind, Slot = slot, FinishedAt = time.GetUtcNow(), Sent = sent });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Finished by another run at the same time: nothing to add.
        }
    }

    /// <summary>
    /// Takes the right to send <paramref name="kind"/>/<paramref name="slot"/> to the user: true for a first claim,
    /// for a transient failure with attempts left, and for a claim left "sending" longer than <see cref="ClaimLease"/>;
    /// false when it was delivered, queued, refused as blocked, out of attempts, or is being sent right now.
    /// </summary>
    public async Task<ReminderDelivery?> ClaimAsync(ReminderKind kind, string slot, int penggunaId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(slot);
        var now = time.GetUtcNow();
        try
        {
            await using var db = factory.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = await db.Set<ReminderDelivery>()
                .SingleOrDefaultAsync(d => d.Kind == kind && d.Slot == slot && d.PenggunaId == penggunaId, ct);
            if (row is null)
            {
                row = new ReminderDelivery
                {
                    Kind = kind, Slot = slot, PenggunaId = penggunaId, Status = DeliveryStatus.Sending, Attempts = 1,
                    CreatedAt = now, UpdatedAt = now,
                };
                db.Add(row);
            }
            else
            {
                var retryable = row.Status == DeliveryStatus.Failed
                                || (row.Status == DeliveryStatus.Sending && now - row.UpdatedAt >= ClaimLease);
                if (!retryable || row.Attempts >= MaxAttempts) return null;
                row.Status = DeliveryStatus.Sending;
                row.Attempts++;
                row.UpdatedAt = now;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return row;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return null; // claimed by a concurrent run
        }
    }

    public async Task RecordAsync(long deliveryId, DeliveryStatus status, string? error = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var shortError = error is { Length: > 500 } ? error[..500] : error;
        await using var db = factory.CreateDbContext();
        await db.Set<ReminderDelivery>().Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.Error, shortError)
            .SetProperty(d => d.UpdatedAt, now), ct);
    }

    public async Task<ReminderDelivery?> DeliveryAsync(ReminderKind kind, string slot, int penggunaId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<ReminderDelivery>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.Kind == kind && d.Slot == slot && d.PenggunaId == penggunaId, ct);
    }

    public async Task<IReadOnlyList<ReminderDelivery>> DeliveriesAsync(ReminderKind? kind = null, string? slot = null, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var query = db.Set<ReminderDelivery>().AsNoTracking();
        if (kind is { } k) query = query.Where(d => d.Kind == k);
        if (slot is not null) query = query.Where(d => d.Slot == slot);
        return await query.OrderBy(d => d.Id).ToListAsync(ct);
    }

    private async Task<ReminderPreference> UpdateAsync(int penggunaId, string aksi, Action<ReminderPreference> change, bool audit,
        CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var pref = await db.Set<ReminderPreference>().SingleOrDefaultAsync(p => p.PenggunaId == penggunaId, ct);
        if (pref is null)
        {
            pref = new ReminderPreference { PenggunaId = penggunaId };
            db.Add(pref);
        }
        change(pref);
        pref.UpdatedAt = now;
        if (audit)
            Audit.Write(db, now, penggunaId, aksi, new { PenggunaId = penggunaId, pref.Off, pref.PausedUntil });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pref;
    }
}
