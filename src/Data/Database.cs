using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

public static class Database
{
    public const int BusyTimeoutSeconds = 5;

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
    /// Creates the file (and its folder) if missing, switches it to WAL, applies pending migrations,
    /// and returns the factory the stores use. Safe to call on an up-to-date file: nothing changes.
    /// </summary>
    public static IkiDbContextFactory Open(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);

        var factory = new IkiDbContextFactory(full);
        using var db = factory.CreateDbContext();
        db.Database.OpenConnection();
        try
        {
            using (var command = db.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode=WAL;";
                var mode = command.ExecuteScalar() as string;
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException($"SQLite refused WAL mode for {full} (got '{mode}').");
            }

            db.Database.Migrate();
        }
        finally
        {
            db.Database.CloseConnection();
        }

        return factory;
    }
}
