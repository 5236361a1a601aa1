using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

public sealed class TargetStore(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    /// <summary>Creates or replaces the target of (jabatan, indikatorKey, tahun).</summary>
    public async Task<Target> SetAsync(string jabatan, string indikatorKey, int tahun, int nilai, string? satuan,
        int? byPenggunaId, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nilai);
        ArgumentException.ThrowIfNullOrWhiteSpace(jabatan);
        ArgumentException.ThrowIfNullOrWhiteSpace(indikatorKey);

        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var now = time.GetUtcNow();
        var target = await db.Target.SingleOrDefaultAsync(
            t => t.Jabatan == jabatan && t.IndikatorKey == indikatorKey && t.Tahun == tahun, ct);
        var before = target is null ? null : new { target.Nilai, target.Satuan };
        if (target is null)
        {
            target = new Target { Jabatan = jabatan, IndikatorKey = indikatorKey, Tahun = tahun };
            db.Target.Add(target);
        }

        target.Nilai = nilai;
        target.Satuan = satuan;
        target.DiubahPada = now;
        target.DiubahOleh = byPenggunaId;
        await db.SaveChangesAsync(ct);

        Audit.Write(db, now, byPenggunaId, "target.set", new
        {
            target.Id, jabatan, indikatorKey, tahun, Sebelum = before, Sesudah = new { Nilai = nilai, Satuan = satuan },
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return target;
    }

    public async Task<Target?> GetAsync(string jabatan, string indikatorKey, int tahun, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Target.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Jabatan == jabatan && t.IndikatorKey == indikatorKey && t.Tahun == tahun, ct);
    }

    public async Task<IReadOnlyList<Target>> ForJabatanAsync(string jabatan, int tahun, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Target.AsNoTracking()
            .Where(t => t.Jabatan == jabatan && t.Tahun == tahun)
            .OrderBy(t => t.IndikatorKey)
            .ToListAsync(ct);
    }

    /// <summary>Every target of a year, all jabatan (one query for a recap of many jabatan).</summary>
    public async Task<IReadOnlyList<Target>> ForYearAsync(int tahun, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Target.AsNoTracking().Where(t => t.Tahun == tahun).ToListAsync(ct);
    }
}
