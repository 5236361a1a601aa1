using System.Security.Cryptography;

namespace IkiBot.Data.Tests;

/// <summary>
/// Issue 8 item 5: a database file that cannot be used stops the start with one Indonesian reason that names the file
/// and the setting, and the file is left exactly as it was.
/// </summary>
public sealed class StorageFaultTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ikibot-faults", Guid.NewGuid().ToString("N"));

    public StorageFaultTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [SqliteFact]
    public void A_file_with_a_garbage_header_is_refused_and_left_untouched()
    {
        var path = Path.Combine(_folder, "garbage.db");
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(8192));

        AssertRefusedUntouched(path, "bukan berkas basis data SQLite");
    }

    [SqliteFact]
    public void A_text_file_is_refused_and_left_untouched()
    {
        var path = Path.Combine(_folder, "notes.db");
        File.WriteAllText(path, "ini bukan basis data\n");

        AssertRefusedUntouched(path, "bukan berkas basis data SQLite");
    }

    [SqliteFact]
    public void A_database_with_damaged_pages_is_refused_and_left_untouched()
    {
        var path = Path.Combine(_folder, "corrupt.db");
        var factory = Database.Open(path);
        var store = new PenggunaStore(factory, TimeProvider.System);
        for (var i = 0; i < 200; i++)
            store.RegisterAsync("telegram", "u" + i, new string('x', 200), "SEKSI X", Peran.Staf, StatusPengguna.Aktif).GetAwaiter().GetResult();
        factory.ReleaseConnections(); // checkpoint: everything in the main file
        var bytes = File.ReadAllBytes(path);
        var pageSize = (bytes[16] << 8) | bytes[17];
        // Overwrite every page but the first (the schema) with garbage: the b-tree pages no longer parse.
        RandomNumberGenerator.Fill(bytes.AsSpan(pageSize));
        File.WriteAllBytes(path, bytes);

        AssertRefusedUntouched(path, "rusak");
    }

    [SqliteFact]
    public void Above_the_full_check_size_a_damaged_table_edge_is_still_refused()
    {
        var path = Path.Combine(_folder, "large-corrupt.db");
        var factory = Database.Open(path);
        var store = new PenggunaStore(factory, TimeProvider.System);
        for (var i = 0; i < 200; i++)
            store.RegisterAsync("telegram", "u" + i, new string('x', 200), "SEKSI X", Peran.Staf, StatusPengguna.Aktif).GetAwaiter().GetResult();
        var root = RootPage(factory, "Pengguna");
        factory.ReleaseConnections();
        var bytes = File.ReadAllBytes(path);
        var pageSize = (bytes[16] << 8) | bytes[17];
        // Only the users table's root page: the schema and the migration history still read fine.
        RandomNumberGenerator.Fill(bytes.AsSpan((int)(root - 1) * pageSize, pageSize));
        File.WriteAllBytes(path, bytes);
        var before = File.ReadAllBytes(path);

        // A limit below the file's size: the start reads the schema and each table's first and last rows only.
        var e = Assert.Throws<DatabaseUnavailableException>(() => Database.Open(path, fullCheckLimit: 1));

        Assert.Contains("rusak", e.Message);
        Assert.Contains("Database:Path", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [SqliteFact]
    public void Above_the_full_check_size_a_sound_database_opens_with_its_data()
    {
        var path = Path.Combine(_folder, "large.db");
        var factory = Database.Open(path);
        new PenggunaStore(factory, TimeProvider.System)
            .RegisterAsync("telegram", "u1", "Andi", "SEKSI X", Peran.Staf, StatusPengguna.Aktif).GetAwaiter().GetResult();
        factory.ReleaseConnections();

        var reopened = Database.Open(path, fullCheckLimit: 1);

        Assert.NotNull(new PenggunaStore(reopened, TimeProvider.System).FindAsync("telegram", "u1").GetAwaiter().GetResult());
        reopened.ReleaseConnections();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_setting_is_refused(string path)
    {
        var e = Assert.Throws<DatabaseUnavailableException>(() => Database.Open(path));
        Assert.Contains("Database:Path", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [SqliteFact]
    public void A_folder_is_refused()
    {
        var e = Assert.Throws<DatabaseUnavailableException>(() => Database.Open(_folder));
        Assert.Contains(_folder, e.Message);
        Assert.Contains("folder", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [SqliteFact]
    public void A_device_is_refused_and_nothing_is_created_next_to_it()
    {
        if (OperatingSystem.IsWindows()) return;
        var e = Assert.Throws<DatabaseUnavailableException>(() => Database.Open("/dev/null"));
        Assert.Contains("/dev/null", e.Message);
        Assert.Contains("Database:Path", e.Message);
        Assert.False(File.Exists("/dev/null-wal"));
        Assert.False(File.Exists("/dev/null.migrate-lock"));
    }

    private static long RootPage(IkiDbContextFactory factory, string table)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(factory.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
        return Convert.ToInt64(command.ExecuteScalar());
    }

    private static void AssertRefusedUntouched(string path, string reason)
    {
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<DatabaseUnavailableException>(() => Database.Open(path));

        Assert.Contains(path, e.Message);
        Assert.Contains(reason, e.Message);
        Assert.Contains("Database:Path", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0, "nothing may be written to a WAL");
    }
}

public sealed class BusyDatabaseTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [SqliteFact]
    public void A_database_another_writer_keeps_locked_stops_the_start_after_the_busy_timeout_instead_of_hanging()
    {
        _db.Factory.ReleaseConnections();
        using var holder = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_db.Path};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE; INSERT INTO __EFMigrationsLock VALUES(1, 'held');";
            begin.ExecuteNonQuery();
        }

        var start = Task.Run(() => Database.Open(_db.Path));

        Assert.True(Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(60))).Result == start, "Open hung on a locked database");
        var e = Assert.IsType<DatabaseUnavailableException>(start.Exception?.InnerException);
        Assert.Contains("dikunci proses lain", e.Message);
        Assert.Contains(_db.Path, e.Message);
    }
}

public sealed class PostgresFaultTests
{
    [PostgresFact]
    public void An_unreachable_server_stops_the_start_with_one_indonesian_line()
    {
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString)
        {
            Port = 1, Timeout = 2, Database = "ikibot_absent",
        }.ConnectionString;

        var e = Assert.Throws<DatabaseUnavailableException>(() => Database.OpenPostgres(unreachable));

        Assert.Contains("PostgreSQL", e.Message);
        Assert.Contains("Database:ConnectionString", e.Message);
        Assert.DoesNotContain("Exception", e.Message);
    }
}
