using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>
/// Moves realizations and targets from the old document key ("JABATAN#no#text") to the indicator's stable id
/// (issue 12). Rows are only re-keyed, never deleted; the old key is kept in IndikatorKeyLama. Idempotent.
/// </summary>
public sealed class IndikatorKeyMapping(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    /// <summary>The old document keys still in use (stable ids never contain '#').</summary>
    public async Task<IReadOnlyList<(string Jabatan, string Key)>> LegacyKeysAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var fromRealisasi = await db.Realisasi.Where(r => r.IndikatorKey.Contains("#")).Select(r => new { r.Jabatan, r.IndikatorKey }).Distinct().ToListAsync(ct);
        var fromTarget = await db.Target.Where(t => t.IndikatorKey.Contains("#")).Select(t => new { t.Jabatan, t.IndikatorKey }).Distinct().ToListAsync(ct);
        return fromRealisasi.Concat(fromTarget).Select(x => (x.Jabatan, x.IndikatorKey)).Distinct().ToList();
    }

    /// <summary>
    /// Re-keys every row of each (jabatan, old key) to its id in one transaction. A target whose id already has a
    /// target for that year keeps its old key (both stay stored) and is counted as a conflict.
    /// </summary>
    public async Task<KeyMappingResult> ApplyAsync(IReadOnlyDictionary<(string Jabatan, string Key), string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new(0, 0, 0);
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int realisasi = 0, targets = 0, conflicts = 0;
        foreach (var ((jabatan, key), id) in ids)
        {
            realisasi += await db.Realisasi.Where(r => r.Jabatan == jabatan && r.IndikatorKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.IndikatorKeyLama, r => r.IndikatorKey).SetProperty(r => r.IndikatorKey, id), ct);
            foreach (var target in await db.Target.Where(t => t.Jabatan == jabatan && t.IndikatorKey == key).ToListAsync(ct))
            {
                if (await db.Target.AnyAsync(t => t.Jabatan == jabatan && t.IndikatorKey == id && t.Tahun == target.Tahun, ct)) { conflicts++; continue; }
                target.IndikatorKeyLama = target.IndikatorKey;
                target.IndikatorKey = id;
                await db.SaveChangesAsync(ct);
                targets++;
            }
        }
        Audit.Write(db, time.GetUtcNow(), null, "kb.kunci-indikator", new { Kunci = ids.Count, Realisasi = realisasi, Target = targets, Konflik = conflicts });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(realisasi, targets, conflicts);
    }
}

public sealed record KeyMappingResult(int Realisasi, int Target, int TargetConflicts);
