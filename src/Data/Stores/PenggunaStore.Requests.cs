using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>What an admin's Setujui/Tolak did to a <see cref="PermintaanJabatan"/>.</summary>
public enum KeputusanPermintaan
{
    Disetujui,
    Ditolak,
    /// <summary>Unknown id, or the request belongs to another user than the button names.</summary>
    TidakDitemukan,
    /// <summary>A newer request of the same user replaced it; nothing changed.</summary>
    Diganti,
    /// <summary>Already approved or refused (e.g. by another admin); nothing changed.</summary>
    SudahDiputuskan,
    /// <summary>The user's jabatan or role changed since the request (e.g. via the command line); nothing changed.</summary>
    TidakCocok,
}

public sealed record HasilKeputusan(KeputusanPermintaan Keputusan, PermintaanJabatan? Permintaan, Pengguna? Pengguna, PermintaanJabatan? Pengganti = null);

public sealed partial class PenggunaStore
{
    /// <summary>
    /// Records "/jabatan saya X" from a user who needs an admin's approval: the user's jabatan becomes X and their status
    /// "menunggu" (a blocked user stays blocked), earlier waiting requests are superseded, and a new request is returned.
    /// </summary>
    public async Task<(Pengguna Pengguna, PermintaanJabatan Permintaan)> RequestJabatanAsync(int penggunaId, string jabatan, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jabatan);
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var pengguna = await db.Pengguna.SingleOrDefaultAsync(p => p.Id == penggunaId, ct)
                       ?? throw new KeyNotFoundException($"Pengguna {penggunaId} not found.");
        var older = await db.PermintaanJabatan
            .Where(r => r.PenggunaId == penggunaId && r.Status == StatusPermintaan.Menunggu).ToListAsync(ct);
        foreach (var r in older)
        {
            r.Status = StatusPermintaan.Diganti;
            r.DiputuskanPada = now;
        }
        var before = new { pengguna.Jabatan, Status = Lower(pengguna.Status) };
        pengguna.Jabatan = jabatan;
        if (pengguna.Peran != Peran.Admin && pengguna.Status != StatusPengguna.Diblokir)
            pengguna.Status = StatusPengguna.Menunggu;
        var request = new PermintaanJabatan { PenggunaId = penggunaId, Jabatan = jabatan, Peran = pengguna.Peran, Status = StatusPermintaan.Menunggu, DiajukanPada = now };
        db.PermintaanJabatan.Add(request);
        await db.SaveChangesAsync(ct);
        Audit.Write(db, now, penggunaId, "pengguna.jabatan", new
        {
            pengguna.Id, Permintaan = request.Id, Diganti = older.Select(r => r.Id).ToList(), Sebelum = before,
            Sesudah = new { pengguna.Jabatan, Status = Lower(pengguna.Status) },
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (pengguna, request);
    }

    /// <summary>
    /// An admin's decision on exactly one request. Approving activates the user with the request's jabatan and role,
    /// and only while that request is still the user's current one and their jabatan and role are still what it asked.
    /// </summary>
    public async Task<HasilKeputusan> DecideRequestAsync(int penggunaId, int permintaanId, bool approve, int adminId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await db.PermintaanJabatan.SingleOrDefaultAsync(r => r.Id == permintaanId && r.PenggunaId == penggunaId, ct);
        var pengguna = await db.Pengguna.SingleOrDefaultAsync(p => p.Id == penggunaId, ct);
        if (request is null || pengguna is null) return new(KeputusanPermintaan.TidakDitemukan, request, pengguna);
        switch (request.Status)
        {
            case StatusPermintaan.Diganti:
                var newer = await db.PermintaanJabatan.AsNoTracking().Where(r => r.PenggunaId == penggunaId && r.Id > request.Id)
                    .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
                return new(KeputusanPermintaan.Diganti, request, pengguna, newer);
            case StatusPermintaan.Disetujui or StatusPermintaan.Ditolak:
                return new(KeputusanPermintaan.SudahDiputuskan, request, pengguna);
        }
        if (pengguna.Jabatan != request.Jabatan || pengguna.Peran != request.Peran)
            return new(KeputusanPermintaan.TidakCocok, request, pengguna);

        var now = time.GetUtcNow();
        var before = new { pengguna.Jabatan, Status = Lower(pengguna.Status) };
        request.Status = approve ? StatusPermintaan.Disetujui : StatusPermintaan.Ditolak;
        request.DiputuskanPada = now;
        request.DiputuskanOleh = adminId;
        if (approve)
        {
            if (pengguna.Status != StatusPengguna.Diblokir) pengguna.Status = StatusPengguna.Aktif;
        }
        else
        {
            pengguna.Jabatan = null;
        }
        Audit.Write(db, now, adminId, approve ? "pengguna.setujui" : "pengguna.tolak", new
        {
            pengguna.Id, Permintaan = request.Id, request.Jabatan, Peran = Lower(request.Peran), Sebelum = before,
            Sesudah = new { pengguna.Jabatan, Status = Lower(pengguna.Status) },
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(approve ? KeputusanPermintaan.Disetujui : KeputusanPermintaan.Ditolak, request, pengguna);
    }
}
