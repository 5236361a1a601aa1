using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

public static class Database
{
    public const int BusyTimeoutSeconds = 5;

    /// <summary>How long a start waits for another IkiBot process that is applying migrations to the same file.</summary>
    public static readonly TimeSpan MigrationWait = TimeSpan.FromSeconds(30);

    public const string EfLockTable = "__EFMigrationsLock";

    /// <summary>
    /// Private cache (not Cache=Shared): SQLite discourages shared-cache mode, and with WAL it would replace
    /// the busy-timeout wait by table-level SQLITE_LOCKED errors. Pooling keeps connections open between units of work.
    /// </summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        DefaultTimeout = BusyTimeoutSeconds,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// Creates the file (and its folder) if missing, checks that an existing file is a sound SQLite database, switches it
    /// to WAL, applies pending migrations, and returns the factory the stores use. Safe to call on an up-to-date file:
    /// nothing changes. Never waits unboundedly: a migration lock left by a process killed during its start is cleared
    /// (with a line to <paramref name="log"/>, stderr by default).
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The file cannot be used; nothing in it was changed.</exception>
    public static IkiDbContextFactory Open(string path, Action<string>? log = null, TimeSpan? migrationWait = null,
        long fullCheckLimit = FullCheckLimit)
    {
        log ??= Console.Error.WriteLine;
        var full = DatabasePathCheck.Check(path);
        IkiDbContextFactory? factory = null;
        try
        {
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);

            using var gate = MigrationGate.Acquire(full, migrationWait ?? MigrationWait);
            factory = new IkiDbContextFactory(full);
            bool current;
            using (var connection = (SqliteConnection)factory.OpenConnectionAsync().GetAwaiter().GetResult())
            {
                CheckSound(connection, full, fullCheckLimit);
                if (!string.Equals(Scalar(connection, "PRAGMA journal_mode=WAL;") as string, "wal", StringComparison.OrdinalIgnoreCase))
                    throw new DatabaseUnavailableException(full, "menolak mode WAL");
                ClearStaleMigrationLock(connection, full, log);
                current = MigrationHistory.IsCurrent(connection);
            }
            // EF Core starts only when a migration is pending: Migrate() also diffs the model against the snapshot.
            if (!current)
            {
                using var db = factory.CreateDbContext();
                db.Database.Migrate();
            }

            factory.StartCheckpoints();
            return factory;
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && DatabaseFaults.Reason(e) is { } reason)
        {
            factory?.ReleaseConnections();
            throw new DatabaseUnavailableException(full, reason, e);
        }
        catch
        {
            factory?.ReleaseConnections();
            throw;
        }
    }

    /// <summary>Opens the database the settings name: the SQLite file <paramref name="path"/>, or PostgreSQL at <paramref name="connectionString"/>.</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be used; nothing in it was changed.</exception>
    public static IkiDbContextFactory Open(DatabaseProvider provider, string path, string? connectionString, Action<string>? log = null) =>
        provider == DatabaseProvider.Postgres ? OpenPostgres(connectionString ?? "") : Open(path, log);

    /// <summary>
    /// Connects to PostgreSQL, applies pending migrations (creating the database if the user may) and returns the factory.
    /// No file checks, WAL or gate file: EF Core's PostgreSQL provider locks migrations in the server itself, so a start
    /// killed mid-migration leaves no lock behind.
    /// </summary>
    /// <exception cref="DatabaseUnavailableException">The server cannot be reached or refuses; nothing was changed.</exception>
    public static IkiDbContextFactory OpenPostgres(string connectionString)
    {
        IkiDbContextFactory factory;
        try
        {
            factory = IkiDbContextFactory.ForPostgres(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseUnavailableException("PostgreSQL", "(Database:ConnectionString tidak sah: " + e.Message + ")", e,
                DatabaseUnavailableException.PostgresHint);
        }
        try
        {
            using var db = factory.CreateDbContext();
            if (db.Database.GetPendingMigrations().Any()) db.Database.Migrate();
            return factory;
        }
        catch (Exception e) when (e is not DatabaseUnavailableException && DatabaseFaults.Reason(e) is { } reason)
        {
            factory.ReleaseConnections();
            throw new DatabaseUnavailableException(factory.Path, reason, e, DatabaseUnavailableException.PostgresHint);
        }
    }

    /// <summary>
    /// Above this size the start checks the schema and each table's first and last rows instead of every page:
    /// <c>quick_check</c> reads the whole file (0.9 s for 400 MB), a cost that would grow with every year of reports.
    /// </summary>
    public const long FullCheckLimit = 64L * 1024 * 1024;

    /// <summary>Read-only checks before anything is written: a garbage header or a damaged page stops the start here.</summary>
    private static void CheckSound(SqliteConnection connection, string full, long fullCheckLimit)
    {
        if (new FileInfo(full) is not { Exists: true, Length: > 0 } file) return;
        if (file.Length > fullCheckLimit)
        {
            CheckEdges(connection, full);
            return;
        }
        var result = Scalar(connection, "PRAGMA quick_check(1);") as string;
        if (!string.Equals(result, "ok", StringComparison.OrdinalIgnoreCase))
            throw new DatabaseUnavailableException(full, "rusak (pemeriksaan SQLite: " + Short(result) + ")");
    }

    /// <summary>The schema parses and every table's first and last rows can be read (the b-tree's outer paths).</summary>
    private static void CheckEdges(SqliteConnection connection, string full)
    {
        try
        {
            var tables = new List<string>();
            using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%WITHOUT ROWID%';";
                using var reader = list.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
            }
            foreach (var table in tables)
            {
                var quoted = "\"" + table.Replace("\"", "\"\"") + "\"";
                Scalar(connection, $"SELECT * FROM {quoted} ORDER BY rowid LIMIT 1;");
                Scalar(connection, $"SELECT * FROM {quoted} ORDER BY rowid DESC LIMIT 1;");
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 11) // SQLITE_CORRUPT; a foreign file (NOTADB) is named by DatabaseFaults
        {
            throw new DatabaseUnavailableException(full, "rusak (pemeriksaan SQLite: " + Short(e.Message) + ")", e);
        }
    }

    /// <summary>
    /// Called while holding the <see cref="MigrationGate"/>: no other IkiBot process is migrating this file, so a row in
    /// EF Core's lock table was left by a process that died mid-start, and would make Migrate() wait for ever.
    /// </summary>
    private static void ClearStaleMigrationLock(SqliteConnection connection, string full, Action<string> log)
    {
        if (Convert.ToInt64(Scalar(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{EfLockTable}';")) == 0)
            return;
        using var delete = connection.CreateCommand();
        delete.CommandText = $"DELETE FROM \"{EfLockTable}\";";
        if (delete.ExecuteNonQuery() > 0)
            log($"Kunci migrasi basi di {full} dihapus (tertinggal dari proses yang terhenti saat mulai).");
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Short(string? s) => s is null ? "" : s.Length > 80 ? s[..80] + "…" : s;
}
