using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>The versions of the knowledge base and the admins' edits between them (issue 12).</summary>
public sealed class KnowledgeVersionStore(IDbContextFactory<IkiDbContext> factory, TimeProvider time)
{
    public async Task<KbVersion?> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.KbVersions.AsNoTracking().OrderByDescending(v => v.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<KbVersion?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.KbVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
    }

    /// <summary>Stores <paramref name="isi"/> as version 1 unless a version exists already (then returns the current one, unchanged).</summary>
    public async Task<(KbVersion Version, bool Imported)> ImportFirstAsync(string isi, string keterangan, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.KbVersions.OrderByDescending(v => v.Id).FirstOrDefaultAsync(ct) is { } existing)
            return (existing, false);
        var now = time.GetUtcNow();
        var version = new KbVersion { DibuatPada = now, Oleh = "impor awal", Sumber = "impor", Keterangan = keterangan, Isi = isi };
        db.KbVersions.Add(version);
        await db.SaveChangesAsync(ct);
        Audit.Write(db, now, null, "kb.impor", new { version.Id, keterangan });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (version, true);
    }

    /// <summary>
    /// Adds a version with the edits that made it, only if <paramref name="expectedCurrentId"/> is still the current
    /// version (optimistic concurrency: null when someone else saved first; nothing is stored then).
    /// </summary>
    public async Task<KbVersion?> TryAddAsync(int expectedCurrentId, string isi, string sumber, string keterangan, int? penggunaId, string oleh,
        IReadOnlyList<KbPerubahan> changes, CancellationToken ct = default, IReadOnlyList<(string Lama, string Baru)>? renames = null)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct); // BEGIN IMMEDIATE: one writer at a time
        var current = await db.KbVersions.MaxAsync(v => (int?)v.Id, ct);
        if (current != expectedCurrentId) return null;
        var now = time.GetUtcNow();
        var version = new KbVersion { DibuatPada = now, PenggunaId = penggunaId, Oleh = oleh, Sumber = sumber, Keterangan = keterangan, Isi = isi };
        db.KbVersions.Add(version);
        await db.SaveChangesAsync(ct);
        foreach (var change in changes)
        {
            change.VersionId = version.Id;
            change.Waktu = now;
            change.PenggunaId = penggunaId;
            change.Oleh = oleh;
            db.KbPerubahan.Add(change);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (lama, baru) in renames ?? [])
        {
            await db.Realisasi.Where(r => r.Jabatan == lama).ExecuteUpdateAsync(s => s.SetProperty(r => r.Jabatan, baru), ct);
            await db.Target.Where(t => t.Jabatan == lama).ExecuteUpdateAsync(s => s.SetProperty(t => t.Jabatan, baru), ct);
            await db.Pengguna.Where(p => p.Jabatan == lama).ExecuteUpdateAsync(s => s.SetProperty(p => p.Jabatan, baru), ct);
            await db.PermintaanJabatan.Where(p => p.Jabatan == lama).ExecuteUpdateAsync(s => s.SetProperty(p => p.Jabatan, baru), ct);
            // /riwayat goes by the current name; the audit entry keeps the names as they were.
            await db.KbPerubahan.Where(p => p.Jabatan == lama).ExecuteUpdateAsync(s => s.SetProperty(p => p.Jabatan, baru), ct);
        }
        foreach (var undone in changes.Where(c => c.MengurungkanId is not null))
            await db.KbPerubahan.Where(p => p.Id == undone.MengurungkanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.DiurungkanOlehId, undone.Id), ct);
        Audit.Write(db, now, penggunaId, "kb." + sumber, new
        {
            version.Id, keterangan, DigantiNama = (renames ?? []).Select(r => new { r.Lama, r.Baru }), Perubahan = changes.Select(c => new { c.Jabatan, c.Jenis, c.ElemenId, c.Label, c.Sebelum, c.Sesudah }),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return version;
    }

    /// <summary>Edits of one jabatan, newest first (/riwayat).</summary>
    public async Task<IReadOnlyList<KbPerubahan>> HistoryAsync(string jabatan, int count = 10, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.KbPerubahan.AsNoTracking().Where(p => p.Jabatan == jabatan)
            .OrderByDescending(p => p.Id).Take(count).ToListAsync(ct);
    }

    /// <summary>The admin's last edit not undone yet and not itself an undo (/urungkan).</summary>
    public async Task<KbPerubahan?> LastUndoableAsync(int penggunaId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.KbPerubahan.AsNoTracking()
            .Where(p => p.PenggunaId == penggunaId && p.DiurungkanOlehId == null && p.MengurungkanId == null)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The latest edit of an element made after <paramref name="afterVersionId"/> (who changed it meanwhile).</summary>
    public async Task<KbPerubahan?> ChangedSinceAsync(string elemenId, int afterVersionId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.KbPerubahan.AsNoTracking().Where(p => p.ElemenId == elemenId && p.VersionId > afterVersionId)
            .OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Realizations (not cancelled) stored under an indicator key in periods of a year ("2026-").</summary>
    public async Task<int> RealisasiCountAsync(string jabatan, string indikatorKey, int tahun, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        var prefix = $"{tahun:D4}-";
        return await db.Realisasi.CountAsync(r => r.Jabatan == jabatan && r.IndikatorKey == indikatorKey && !r.Dibatalkan && r.Periode.StartsWith(prefix), ct);
    }

    /// <summary>Realizations (not cancelled) and targets stored under an indicator key, any period.</summary>
    public async Task<(int Realisasi, int Target)> StoredUnderAsync(string jabatan, string indikatorKey, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return (await db.Realisasi.CountAsync(r => r.Jabatan == jabatan && r.IndikatorKey == indikatorKey && !r.Dibatalkan, ct),
            await db.Target.CountAsync(t => t.Jabatan == jabatan && t.IndikatorKey == indikatorKey, ct));
    }
}
