using IkiBot.Knowledge.Model;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Tests.Reporting;
using IkiBot.Data;
using IkiBot.Knowledge;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IkiBot.Bot.Tests.Editing;

/// <summary>A database written by the code before issue 12 (realizations and targets under "JABATAN#no#text") opened by today's bot.</summary>
public sealed class LegacyKeyMigrationTests : IDisposable
{
    private const string LastMigrationBeforeIssue12 = "20261127191040_Reminders";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ikibot-legacy-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(_path + suffix); } catch (IOException) { }
    }

    /// <summary>The schema as the old code left it, filled through SQL with the old keys: every countable row of 3 jabatan, 2 periods, one cancelled entry, targets.</summary>
    private List<(string Jabatan, string Key, string Periode, int Nilai, bool Dibatalkan)> FillWithOldCode()
    {
        var factory = new IkiDbContextFactory(_path);
        using (var db = factory.CreateDbContext())
            db.GetService<IMigrator>().Migrate(LastMigrationBeforeIssue12);
        var kb = BundledDocument.Load();
        var rows = new List<(string, string, string, int, bool)>();
        using var connection = new SqliteConnection(factory.ConnectionString);
        connection.Open();
        Exec(connection, "INSERT INTO Pengguna (Channel, ChannelUserId, NamaTampilan, Jabatan, Peran, Status, DibuatPada) VALUES ('telegram','u1','Budi','BENDAHARA','staf','aktif','2026-10-01T00:00:00.0000000Z')");
        var n = 0;
        foreach (var j in kb.Jabatan.Where(j => j.Nama is "BENDAHARA" or "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI" or "KEPALA DINAS"))
            foreach (var row in j.Indikator.Where(r => !r.TidakTerukur))
                foreach (var periode in new[] { "2026-10", "2026-11" })
                {
                    n++;
                    var key = row.KeyFor(j.Nama); // no id: the old key
                    var cancelled = n % 7 == 0;
                    Exec(connection, "INSERT INTO Realisasi (PenggunaId, Jabatan, IndikatorKey, IndikatorNo, IndikatorTeks, Periode, Nilai, DibuatPada, MessageId, Jenis, Dibatalkan) " +
                                     "VALUES (1, $j, $k, $no, $t, $p, $v, '2026-11-01T00:00:00.0000000Z', $m, 'laporan', $c)",
                        ("$j", j.Nama), ("$k", key), ("$no", row.No), ("$t", row.Uraian), ("$p", periode), ("$v", n), ("$m", $"telegram:{n}"), ("$c", cancelled));
                    rows.Add((j.Nama, key, periode, n, cancelled));
                    if (periode == "2026-11")
                        Exec(connection, "INSERT INTO Target (Jabatan, IndikatorKey, Tahun, Nilai, DiubahPada) VALUES ($j, $k, 2026, $v, '2026-11-01T00:00:00.0000000Z')",
                            ("$j", j.Nama), ("$k", key), ("$v", 100 + n));
                }
        Exec(connection, "INSERT INTO Realisasi (PenggunaId, Jabatan, IndikatorKey, IndikatorNo, IndikatorTeks, Periode, Nilai, DibuatPada, MessageId, Jenis, Dibatalkan) " +
                         "VALUES (1, 'JABATAN LAMA', 'JABATAN LAMA#1#apa saja', 1, 'apa saja', '2026-11', 5, '2026-11-01T00:00:00.0000000Z', 'telegram:x', 'laporan', 0)");
        factory.ReleaseConnections();
        return rows;
    }

    private static void Exec(SqliteConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Every_realization_and_target_of_an_old_database_moves_to_the_indicator_ids_and_none_is_lost()
    {
        var old = FillWithOldCode();
        using var services = new BotServices(new BotSettings { DatabasePath = _path }, new FixedClock(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(7))), quiet: true);

        await using var db = services.Database.CreateDbContext();
        var all = await db.Realisasi.AsNoTracking().ToListAsync();
        Assert.Equal(old.Count + 1, all.Count); // nothing deleted
        var kb = services.Knowledge.Kb;
        foreach (var (jabatan, key, periode, nilai, cancelled) in old)
        {
            var entry = Assert.Single(all, r => r.MessageId == $"telegram:{nilai}");
            Assert.Equal(key, entry.IndikatorKeyLama);
            var row = Assert.Single(kb.Find(jabatan)!.Indikator, r => r.Id == entry.IndikatorKey);
            Assert.Equal(IndikatorText.Clean(key), IndikatorText.Clean(row.LegacyKeyFor(jabatan))); // the same row as before (the stored version holds the cleaned text)
            Assert.Equal((periode, nilai, cancelled), (entry.Periode, entry.Nilai, entry.Dibatalkan));
        }
        // A key whose jabatan is not in the document stays as it was, stored and visible.
        Assert.Equal("JABATAN LAMA#1#apa saja", Assert.Single(all, r => r.MessageId == "telegram:x").IndikatorKey);

        var targets = await db.Target.AsNoTracking().ToListAsync();
        Assert.Equal(old.Count(o => o.Periode == "2026-11"), targets.Count);
        Assert.All(targets, t => Assert.StartsWith("ind-", t.IndikatorKey));

        // The totals the bot shows are the old ones: November, not cancelled.
        var bendahara = kb.Find("BENDAHARA")!;
        var november = await services.Realisasi.TotalsAsync("BENDAHARA", "2026-11");
        foreach (var row in bendahara.Indikator.Where(r => !r.TidakTerukur))
        {
            var expected = old.Where(o => o.Jabatan == "BENDAHARA" && IndikatorText.Clean(o.Key) == IndikatorText.Clean(row.LegacyKeyFor("BENDAHARA")) && o.Periode == "2026-11" && !o.Dibatalkan).Sum(o => o.Nilai);
            Assert.Equal(expected, november.GetValueOrDefault(row.KeyFor("BENDAHARA")));
        }

        // A second start changes nothing.
        services.Database.ReleaseConnections();
        using var again = new BotServices(new BotSettings { DatabasePath = _path }, TimeProvider.System, quiet: true);
        await using var db2 = again.Database.CreateDbContext();
        Assert.Equal(all.Select(r => (r.Id, r.IndikatorKey)).ToList(), (await db2.Realisasi.AsNoTracking().OrderBy(r => r.Id).ToListAsync()).Select(r => (r.Id, r.IndikatorKey)).ToList());
        Assert.Equal(1, await db2.KbVersions.CountAsync());
    }
}
