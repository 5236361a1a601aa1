using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

public sealed class RealisasiStore(IkiDbContextFactory factory, TimeProvider time)
{
    /// <summary>
    /// Stores a report. A MessageId seen before stores nothing and returns the earlier entry with Duplicate = true.
    /// </summary>
    public async Task<RealisasiResult> AddAsync(NewRealisasi r, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(r);
        RequireValid(r.Jabatan, r.IndikatorKey, r.Periode, r.Nilai, r.MessageId);

        try
        {
            await using var db = factory.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            var existing = await db.Realisasi.AsNoTracking().SingleOrDefaultAsync(x => x.MessageId == r.MessageId, ct);
            if (existing is not null)
                return new(existing, true, await SumAsync(db, existing.Jabatan, existing.IndikatorKey, existing.Periode, ct));

            var now = time.GetUtcNow();
            var entry = new Realisasi
            {
                PenggunaId = r.PenggunaId,
                Jabatan = r.Jabatan,
                IndikatorKey = r.IndikatorKey,
                IndikatorNo = r.IndikatorNo,
                IndikatorTeks = r.IndikatorTeks,
                Periode = r.Periode,
                Nilai = r.Nilai,
                Catatan = r.Catatan,
                DibuatPada = now,
                MessageId = r.MessageId,
                Jenis = JenisRealisasi.Laporan,
            };
            db.Realisasi.Add(entry);
            await db.SaveChangesAsync(ct);

            Audit.Write(db, now, r.PenggunaId, "realisasi.lapor", new
            {
                entry.Id, entry.MessageId, entry.Jabatan, entry.IndikatorKey, entry.Periode, entry.Nilai,
            });
            await db.SaveChangesAsync(ct);

            var total = await SumAsync(db, r.Jabatan, r.IndikatorKey, r.Periode, ct);
            await tx.CommitAsync(ct);
            return new(entry, false, total);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another writer stored the same MessageId between our check and our insert.
            return await ExistingAsync(r.MessageId, ct);
        }
    }

    /// <summary>
    /// Cancels the user's most recent active entry (by DibuatPada, then Id) and returns it; null when there is none.
    /// The same <paramref name="messageId"/> delivered again returns the entry it cancelled the first time.
    /// </summary>
    public async Task<Realisasi?> CancelLastAsync(int penggunaId, string messageId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);

        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var already = await db.Realisasi.AsNoTracking()
            .Where(x => x.PenggunaId == penggunaId && x.DibatalkanOlehMessageId == messageId)
            .OrderByDescending(x => x.Id)
            .FirstOrDefaultAsync(ct);
        if (already is not null)
            return already;

        var last = await db.Realisasi
            .Where(x => x.PenggunaId == penggunaId && !x.Dibatalkan)
            .OrderByDescending(x => x.DibuatPada).ThenByDescending(x => x.Id)
            .FirstOrDefaultAsync(ct);
        if (last is null)
            return null;

        var now = time.GetUtcNow();
        last.Dibatalkan = true;
        last.DibatalkanPada = now;
        last.DibatalkanOlehMessageId = messageId;
        Audit.Write(db, now, penggunaId, "realisasi.batal", new
        {
            last.Id, MessageId = messageId, last.Jabatan, last.IndikatorKey, last.Periode, last.Nilai,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return last;
    }

    /// <summary>The entry /batal would cancel now: the user's most recent active one; null when there is none.</summary>
    public async Task<Realisasi?> LastActiveAsync(int penggunaId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Realisasi.AsNoTracking()
            .Where(x => x.PenggunaId == penggunaId && !x.Dibatalkan)
            .OrderByDescending(x => x.DibuatPada).ThenByDescending(x => x.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The entry a /batal message already cancelled (a redelivered confirmation); null when none.</summary>
    public async Task<Realisasi?> FindCancelledByAsync(int penggunaId, string messageId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Realisasi.AsNoTracking()
            .Where(x => x.PenggunaId == penggunaId && x.DibatalkanOlehMessageId == messageId)
            .OrderByDescending(x => x.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Replaces the period total of one jabatan's indicator: cancels every active entry for it (whoever reported it)
    /// and stores one Koreksi entry with <paramref name="nilai"/>, in one transaction.
    /// A MessageId seen before changes nothing and returns the earlier entry with Duplicate = true.
    /// </summary>
    public async Task<RealisasiResult> CorrectAsync(int penggunaId, string jabatan, string indikatorKey, int indikatorNo,
        string indikatorTeks, string periode, int nilai, string messageId, string? catatan = null,
        CancellationToken ct = default)
    {
        RequireValid(jabatan, indikatorKey, periode, nilai, messageId);
        ArgumentNullException.ThrowIfNull(indikatorTeks);

        try
        {
            await using var db = factory.CreateDbContext();
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            var existing = await db.Realisasi.AsNoTracking().SingleOrDefaultAsync(x => x.MessageId == messageId, ct);
            if (existing is not null)
                return new(existing, true, await SumAsync(db, existing.Jabatan, existing.IndikatorKey, existing.Periode, ct));

            var now = time.GetUtcNow();
            var active = await db.Realisasi
                .Where(x => x.Jabatan == jabatan && x.IndikatorKey == indikatorKey && x.Periode == periode && !x.Dibatalkan)
                .ToListAsync(ct);
            foreach (var old in active)
            {
                old.Dibatalkan = true;
                old.DibatalkanPada = now;
                old.DibatalkanOlehMessageId = messageId;
            }

            var entry = new Realisasi
            {
                PenggunaId = penggunaId,
                Jabatan = jabatan,
                IndikatorKey = indikatorKey,
                IndikatorNo = indikatorNo,
                IndikatorTeks = indikatorTeks,
                Periode = periode,
                Nilai = nilai,
                Catatan = catatan,
                DibuatPada = now,
                MessageId = messageId,
                Jenis = JenisRealisasi.Koreksi,
            };
            db.Realisasi.Add(entry);
            await db.SaveChangesAsync(ct);

            Audit.Write(db, now, penggunaId, "realisasi.koreksi", new
            {
                entry.Id, MessageId = messageId, jabatan, indikatorKey, periode, Nilai = nilai,
                TotalSebelum = active.Sum(x => x.Nilai), DibatalkanIds = active.Select(x => x.Id).ToArray(),
            });
            await db.SaveChangesAsync(ct);

            var total = await SumAsync(db, jabatan, indikatorKey, periode, ct);
            await tx.CommitAsync(ct);
            return new(entry, false, total);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return await ExistingAsync(messageId, ct);
        }
    }

    /// <summary>Sum of Nilai of the entries not cancelled.</summary>
    public async Task<int> TotalAsync(string jabatan, string indikatorKey, string periode, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await SumAsync(db, jabatan, indikatorKey, periode, ct);
    }

    /// <summary>Totals of the entries not cancelled, per IndikatorKey (indicators without entries are absent).</summary>
    public async Task<IReadOnlyDictionary<string, int>> TotalsAsync(string jabatan, string periode, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Realisasi
            .Where(x => x.Jabatan == jabatan && x.Periode == periode && !x.Dibatalkan)
            .GroupBy(x => x.IndikatorKey)
            .Select(g => new { g.Key, Total = g.Sum(x => x.Nilai) })
            .ToDictionaryAsync(x => x.Key, x => x.Total, ct);
    }

    /// <summary>Totals over the twelve periods of a year, per IndikatorKey.</summary>
    public async Task<IReadOnlyDictionary<string, int>> TotalsForYearAsync(string jabatan, int tahun, CancellationToken ct = default)
    {
        var prefix = $"{tahun:D4}-";
        await using var db = factory.CreateDbContext();
        return await db.Realisasi
            .Where(x => x.Jabatan == jabatan && x.Periode.StartsWith(prefix) && !x.Dibatalkan)
            .GroupBy(x => x.IndikatorKey)
            .Select(g => new { g.Key, Total = g.Sum(x => x.Nilai) })
            .ToDictionaryAsync(x => x.Key, x => x.Total, ct);
    }

    /// <summary>
    /// Totals per (jabatan, indicator, month) of the months <paramref name="from"/>..<paramref name="to"/> ("yyyy-MM"),
    /// grouped by the database, so recaps never load the entries themselves; only the given jabatan when a list is given.
    /// </summary>
    public async Task<IReadOnlyList<RealisasiBulanan>> MonthlyTotalsAsync(string from, string to, IReadOnlyCollection<string>? jabatan = null,
        CancellationToken ct = default)
    {
        PeriodeFormat.Require(from);
        PeriodeFormat.Require(to);
        await using var db = factory.CreateDbContext();
        var query = db.Realisasi.AsNoTracking()
            .Where(x => !x.Dibatalkan && string.Compare(x.Periode, from) >= 0 && string.Compare(x.Periode, to) <= 0);
        if (jabatan is not null) query = query.Where(x => jabatan.Contains(x.Jabatan));
        return await query
            .GroupBy(x => new { x.Periode, x.Jabatan, x.IndikatorKey })
            .Select(g => new RealisasiBulanan(g.Key.Jabatan, g.Key.IndikatorKey, g.Key.Periode, g.Sum(x => x.Nilai), g.Count()))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The active entries of a period in the order they were stored (Id), read one at a time (constant memory for any
    /// size). Plain ADO.NET: EF's query compilation alone costs more than reading 90,000 rows.
    /// </summary>
    public async IAsyncEnumerable<Realisasi> StreamByPeriodeAsync(string periode,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        PeriodeFormat.Require(periode);
        await using var connection = await factory.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            // Quoted names, @parameter and FALSE: the same text runs on SQLite and PostgreSQL.
            "SELECT \"Id\", \"PenggunaId\", \"Jabatan\", \"IndikatorKey\", \"IndikatorNo\", \"IndikatorTeks\", \"Periode\", \"Nilai\", " +
            "\"Catatan\", \"DibuatPada\", \"MessageId\", \"Jenis\" " +
            // The ids from the covering index first, then the rows in id order: one pass over the month's pages, no sort
            // (SQLite sorting 83k whole rows spilled 14 MB to a temporary file; reading them in index order was one
            // pread per row).
            "FROM \"Realisasi\" WHERE \"Id\" IN " +
            "(SELECT \"Id\" FROM \"Realisasi\" WHERE \"Periode\" = @periode AND \"Dibatalkan\" = FALSE) ORDER BY \"Id\"";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@periode";
        parameter.Value = periode;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            yield return new Realisasi
            {
                Id = reader.GetInt32(0), PenggunaId = reader.GetInt32(1), Jabatan = reader.GetString(2), IndikatorKey = reader.GetString(3),
                IndikatorNo = reader.GetInt32(4), IndikatorTeks = reader.GetString(5), Periode = reader.GetString(6), Nilai = reader.GetInt32(7),
                Catatan = reader.IsDBNull(8) ? null : reader.GetString(8), DibuatPada = UtcTextConverter.FromText(reader.GetString(9)),
                MessageId = reader.GetString(10), Jenis = Enum.Parse<JenisRealisasi>(reader.GetString(11), ignoreCase: true),
            };
    }

    public async Task<Realisasi?> FindByMessageIdAsync(string messageId, CancellationToken ct = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Realisasi.AsNoTracking().SingleOrDefaultAsync(x => x.MessageId == messageId, ct);
    }

    public Task<IReadOnlyList<Realisasi>> ListForAsync(int penggunaId, string periode, bool includeCancelled = false,
        CancellationToken ct = default) =>
        ListAsync(x => x.PenggunaId == penggunaId && x.Periode == periode, includeCancelled, ct);

    public Task<IReadOnlyList<Realisasi>> ListByPeriodeAsync(string periode, bool includeCancelled = false,
        CancellationToken ct = default) =>
        ListAsync(x => x.Periode == periode, includeCancelled, ct);

    public Task<IReadOnlyList<Realisasi>> ListByJabatanAsync(string jabatan, string periode, bool includeCancelled = false,
        CancellationToken ct = default) =>
        ListAsync(x => x.Jabatan == jabatan && x.Periode == periode, includeCancelled, ct);

    private async Task<IReadOnlyList<Realisasi>> ListAsync(Expression<Func<Realisasi, bool>> filter,
        bool includeCancelled, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var query = db.Realisasi.AsNoTracking().Where(filter);
        if (!includeCancelled)
            query = query.Where(x => !x.Dibatalkan);
        return await query.OrderBy(x => x.DibuatPada).ThenBy(x => x.Id).ToListAsync(ct);
    }

    private async Task<RealisasiResult> ExistingAsync(string messageId, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var existing = await db.Realisasi.AsNoTracking().SingleAsync(x => x.MessageId == messageId, ct);
        return new(existing, true, await SumAsync(db, existing.Jabatan, existing.IndikatorKey, existing.Periode, ct));
    }

    private static Task<int> SumAsync(IkiDbContext db, string jabatan, string indikatorKey, string periode,
        CancellationToken ct) =>
        db.Realisasi
            .Where(x => x.Jabatan == jabatan && x.IndikatorKey == indikatorKey && x.Periode == periode && !x.Dibatalkan)
            .SumAsync(x => x.Nilai, ct);

    private static void RequireValid(string jabatan, string indikatorKey, string periode, int nilai, string messageId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nilai);
        ArgumentException.ThrowIfNullOrWhiteSpace(jabatan);
        ArgumentException.ThrowIfNullOrWhiteSpace(indikatorKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        PeriodeFormat.Require(periode);
    }
}
