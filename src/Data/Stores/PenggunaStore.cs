using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

public sealed partial class PenggunaStore(IkiDbContextFactory factory, TimeProvider time)
{
    public async Task<Pengguna?> FindAsync(string channel, string channelUserId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Pengguna.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Channel == channel && p.ChannelUserId == channelUserId, ct);
    }

    public async Task<Pengguna?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Pengguna.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>Creates the user, or returns the existing one for (channel, channelUserId) unchanged.</summary>
    public async Task<Pengguna> RegisterAsync(string channel, string channelUserId, string nama, string? jabatan,
        Peran peran, StatusPengguna status, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(channelUserId);
        ArgumentNullException.ThrowIfNull(nama);

        try
        {
            await using var db = factory.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            var existing = await db.Pengguna.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Channel == channel && p.ChannelUserId == channelUserId, ct);
            if (existing is not null)
                return existing;

            var now = time.GetUtcNow();
            var pengguna = new Pengguna
            {
                Channel = channel,
                ChannelUserId = channelUserId,
                NamaTampilan = nama,
                Jabatan = jabatan,
                Peran = peran,
                Status = status,
                DibuatPada = now,
            };
            db.Pengguna.Add(pengguna);
            await db.SaveChangesAsync(ct);

            Audit.Write(db, now, pengguna.Id, "pengguna.daftar", new
            {
                pengguna.Id, channel, channelUserId, Nama = nama, jabatan,
                Peran = Lower(peran), Status = Lower(status),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return pengguna;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return await FindAsync(channel, channelUserId, ct)
                   ?? throw new InvalidOperationException("Unique violation on Pengguna but no row found.", e);
        }
    }

    /// <summary>
    /// Sets the jabatan. A non-admin goes back to "menunggu" so an atasan/admin approves the new jabatan;
    /// a blocked user stays blocked.
    /// </summary>
    public Task<Pengguna> SetJabatanAsync(int id, string? jabatan, int? byPenggunaId = null, CancellationToken ct = default) =>
        UpdateAsync(id, byPenggunaId, "pengguna.jabatan", p =>
        {
            var before = new { p.Jabatan, Status = Lower(p.Status) };
            p.Jabatan = jabatan;
            if (p.Peran != Peran.Admin && p.Status != StatusPengguna.Diblokir)
                p.Status = StatusPengguna.Menunggu;
            return new { p.Id, Sebelum = before, Sesudah = new { p.Jabatan, Status = Lower(p.Status) } };
        }, ct);

    public Task<Pengguna> SetStatusAsync(int id, StatusPengguna status, int? byPenggunaId = null, CancellationToken ct = default) =>
        UpdateAsync(id, byPenggunaId, "pengguna.status", p =>
        {
            var before = Lower(p.Status);
            p.Status = status;
            return new { p.Id, Sebelum = before, Sesudah = Lower(status) };
        }, ct);

    public Task<Pengguna> SetPeranAsync(int id, Peran peran, int? byPenggunaId = null, CancellationToken ct = default) =>
        UpdateAsync(id, byPenggunaId, "pengguna.peran", p =>
        {
            var before = Lower(p.Peran);
            p.Peran = peran;
            return new { p.Id, Sebelum = before, Sesudah = Lower(peran) };
        }, ct);

    /// <summary>Every user in id order, read with plain ADO.NET (`users list` answers before EF Core has started).</summary>
    public async Task<IReadOnlyList<Pengguna>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await factory.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        // Quoted names: the same text runs on SQLite and PostgreSQL.
        command.CommandText = "SELECT \"Id\", \"Channel\", \"ChannelUserId\", \"NamaTampilan\", \"Jabatan\", \"Peran\", \"Status\", " +
                              "\"DibuatPada\" FROM \"Pengguna\" ORDER BY \"Id\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var all = new List<Pengguna>();
        while (await reader.ReadAsync(ct))
            all.Add(new Pengguna
            {
                Id = reader.GetInt32(0), Channel = reader.GetString(1), ChannelUserId = reader.GetString(2),
                NamaTampilan = reader.GetString(3), Jabatan = reader.IsDBNull(4) ? null : reader.GetString(4),
                Peran = Enum.Parse<Peran>(reader.GetString(5), ignoreCase: true),
                Status = Enum.Parse<StatusPengguna>(reader.GetString(6), ignoreCase: true),
                DibuatPada = UtcTextConverter.FromText(reader.GetString(7)),
            });
        return all;
    }

    public Task<IReadOnlyList<Pengguna>> ListByStatusAsync(StatusPengguna status, CancellationToken ct = default) =>
        QueryAsync(p => p.Status == status, ct);

    /// <summary>Active admins (blocked or pending admins are left out).</summary>
    public Task<IReadOnlyList<Pengguna>> AdminsAsync(CancellationToken ct = default) =>
        QueryAsync(p => p.Peran == Peran.Admin && p.Status == StatusPengguna.Aktif, ct);

    private async Task<IReadOnlyList<Pengguna>> QueryAsync(Expression<Func<Pengguna, bool>> filter,
        CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        return await db.Pengguna.AsNoTracking().Where(filter).OrderBy(p => p.Id).ToListAsync(ct);
    }

    /// <param name="change">Applies the change and returns the audit details.</param>
    private async Task<Pengguna> UpdateAsync(int id, int? byPenggunaId, string aksi, Func<Pengguna, object> change,
        CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var pengguna = await db.Pengguna.SingleOrDefaultAsync(p => p.Id == id, ct)
                       ?? throw new KeyNotFoundException($"Pengguna {id} not found.");
        var rincian = change(pengguna);
        Audit.Write(db, time.GetUtcNow(), byPenggunaId ?? id, aksi, rincian);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return pengguna;
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
