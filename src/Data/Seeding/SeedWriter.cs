using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IkiBot.Data.Seeding;

/// <summary>A user the load tool creates (channel <see cref="SeedWriter.Channel"/>).</summary>
public sealed record SeedPengguna(string ChannelUserId, string Nama, string Jabatan, Peran Peran);

/// <summary>One realization the load tool creates for the user at <paramref name="PenggunaIndex"/> of the seeded users.</summary>
public sealed record SeedRealisasi(int PenggunaIndex, string Jabatan, string IndikatorKey, int IndikatorNo, string IndikatorTeks,
    string Periode, int Nilai, DateTimeOffset DibuatPada);

/// <summary>
/// Fills a throw-away database for load measurements with plain prepared INSERTs in one transaction (EF change
/// tracking would take minutes for a million rows). It refuses a database that holds anything it did not seed itself.
/// </summary>
public sealed class SeedWriter(IkiDbContextFactory database)
{
    public const string Channel = "seed";
    public const string MessagePrefix = "seed:";

    /// <summary>Why this database must not be seeded (it holds real users or reports), or null when it may.</summary>
    public string? RefusalReason()
    {
        if (database.Provider != DatabaseProvider.Sqlite) return "pengisian data uji hanya untuk SQLite, bukan PostgreSQL";
        using var connection = Open();
        var users = Count(connection, "SELECT COUNT(*) FROM Pengguna WHERE Channel <> $seed");
        var reports = Count(connection, "SELECT COUNT(*) FROM Realisasi WHERE MessageId NOT LIKE 'seed:%'");
        if (users == 0 && reports == 0) return null;
        return $"basis data berisi data sungguhan ({users} pengguna, {reports} realisasi di luar data uji)";
    }

    /// <summary>Replaces every seeded row with the given users and realizations; returns how many realizations were written.</summary>
    public int Write(IReadOnlyList<SeedPengguna> users, IEnumerable<SeedRealisasi> realisasi, DateTimeOffset now)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, "DELETE FROM Realisasi WHERE MessageId LIKE 'seed:%'");
        Execute(connection, tx, "DELETE FROM Pengguna WHERE Channel = $seed");

        var ids = new int[users.Count];
        using (var insert = Command(connection, tx,
            "INSERT INTO Pengguna (Channel, ChannelUserId, NamaTampilan, Jabatan, Peran, Status, DibuatPada) " +
            "VALUES ($seed, $id, $nama, $jabatan, $peran, 'aktif', $at) RETURNING Id",
            "$id", "$nama", "$jabatan", "$peran", "$at"))
        {
            for (var i = 0; i < users.Count; i++)
            {
                var u = users[i];
                Set(insert, u.ChannelUserId, u.Nama, u.Jabatan, u.Peran.ToString().ToLowerInvariant(), UtcTextConverter.ToText(now));
                ids[i] = Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
            }
        }

        var written = 0;
        using (var insert = Command(connection, tx,
            "INSERT INTO Realisasi (PenggunaId, Jabatan, IndikatorKey, IndikatorNo, IndikatorTeks, Periode, Nilai, DibuatPada, " +
            "MessageId, Jenis, Dibatalkan) VALUES ($p, $j, $k, $no, $teks, $periode, $nilai, $at, $msg, 'laporan', 0)",
            "$p", "$j", "$k", "$no", "$teks", "$periode", "$nilai", "$at", "$msg"))
        {
            foreach (var r in realisasi)
            {
                Set(insert, ids[r.PenggunaIndex], r.Jabatan, r.IndikatorKey, r.IndikatorNo, r.IndikatorTeks, r.Periode, r.Nilai,
                    UtcTextConverter.ToText(r.DibuatPada), MessagePrefix + written.ToString(CultureInfo.InvariantCulture));
                insert.ExecuteNonQuery();
                written++;
            }
        }
        tx.Commit();
        Execute(connection, null, "ANALYZE");
        // A million rows leave a large WAL; fold it in now rather than during the first measured writes.
        Execute(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)");
        return written;
    }

    private SqliteConnection Open()
    {
        if (database.Provider != DatabaseProvider.Sqlite) throw new InvalidOperationException("Pengisian data uji hanya untuk SQLite.");
        var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        return connection;
    }

    private static long Count(SqliteConnection connection, string sql)
    {
        using var c = Command(connection, null, sql);
        return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var c = Command(connection, tx, sql);
        c.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql, params string[] parameters)
    {
        var c = connection.CreateCommand();
        c.Transaction = tx;
        c.CommandText = sql;
        if (sql.Contains("$seed", StringComparison.Ordinal)) c.Parameters.AddWithValue("$seed", Channel);
        foreach (var p in parameters) c.Parameters.Add(new SqliteParameter { ParameterName = p });
        if (parameters.Length > 0) c.Prepare();
        return c;
    }

    private static void Set(SqliteCommand c, params object[] values)
    {
        var offset = c.Parameters.Contains("$seed") ? 1 : 0;
        for (var i = 0; i < values.Length; i++) c.Parameters[i + offset].Value = values[i];
    }
}
