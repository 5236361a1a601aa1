using Microsoft.Data.Sqlite;

namespace IkiBot.Data.Tests;

/// <summary>Issue 8 item 1: a start killed during migration must never make later starts wait for ever.</summary>
public sealed class StartupLockTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [SqliteFact]
    public void A_stale_EF_migration_lock_row_is_cleared_with_a_log_line_and_the_start_goes_on()
    {
        _db.Factory.ReleaseConnections();
        Execute(_db.Path, "INSERT INTO __EFMigrationsLock VALUES(1, '2026-12-01')");
        var log = new List<string>();

        var start = Task.Run(() => Database.Open(_db.Path, log.Add));

        // Without the fix Migrate() polls the lock row for ever; 20 s is only a hang detector.
        Assert.True(start.Wait(TimeSpan.FromSeconds(20)), "Open hung on the stale __EFMigrationsLock row");
        start.Result.ReleaseConnections();
        Assert.Equal(0, Count(_db.Path, "SELECT COUNT(*) FROM __EFMigrationsLock"));
        var line = Assert.Single(log);
        Assert.Contains("Kunci migrasi basi", line);
        Assert.Contains(_db.Path, line);
    }

    [SqliteFact]
    public void A_normal_start_logs_nothing()
    {
        var log = new List<string>();
        _db.Factory.ReleaseConnections();

        Database.Open(_db.Path, log.Add).ReleaseConnections();

        Assert.Empty(log);
    }

    [SqliteFact]
    public void While_another_process_migrates_the_start_waits_a_bounded_time_then_says_so_in_Indonesian()
    {
        // Held by "another process": the OS lock a migrating IkiBot takes next to the file.
        using var held = new FileStream(MigrationGate.LockPath(_db.Path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var e = Assert.Throws<DatabaseUnavailableException>(() => Database.Open(_db.Path, migrationWait: TimeSpan.FromMilliseconds(300)));

        Assert.Contains(_db.Path, e.Message);
        Assert.Contains("proses IkiBot lain", e.Message);
        Assert.Contains("Database:Path", e.Message);
    }

    [SqliteFact]
    public void The_lock_of_a_finished_start_is_free_for_the_next_one()
    {
        using var next = new FileStream(MigrationGate.LockPath(_db.Path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Assert.True(next.CanWrite);
    }

    private static void Execute(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Count(string path, string sql)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }
}
