using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>Read side of the audit log; entries are written by the other stores.</summary>
public sealed class AuditStore(IDbContextFactory<IkiDbContext> factory)
{
    /// <summary>The most recent entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int count = 50, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Waktu).ThenByDescending(a => a.Id)
            .Take(count)
            .ToListAsync(ct);
    }
}
