using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>
/// Creates one <see cref="IkiDbContext"/> per unit of work for one SQLite file or one PostgreSQL database.
/// Does not touch the database; use <see cref="Database.Open"/> / <see cref="Database.OpenPostgres"/> to get one with the schema migrated.
/// </summary>
public sealed class IkiDbContextFactory : IDbContextFactory<IkiDbContext>
{
    private readonly DbContextOptions<IkiDbContext>? _sqlite;
    private readonly DbContextOptions<PostgresIkiDbContext>? _postgres;

    public IkiDbContextFactory(string path)
    {
        Provider = DatabaseProvider.Sqlite;
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = Database.ConnectionString(Path);
        _sqlite = new DbContextOptionsBuilder<IkiDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(SqliteConnectionPragmas.Instance)
            .Options;
    }

    private IkiDbContextFactory(string path, string connectionString, DbContextOptions<PostgresIkiDbContext> postgres)
    {
        Provider = DatabaseProvider.Postgres;
        Path = path;
        ConnectionString = connectionString;
        _postgres = postgres;
    }

    /// <exception cref="ArgumentException">The connection string is not valid.</exception>
    public static IkiDbContextFactory ForPostgres(string connectionString)
    {
        var (path, normalized, options) = PostgresConnection.Options(connectionString);
        return new(path, normalized, options);
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file's full path; on PostgreSQL "PostgreSQL host:port/database" (never the password).</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    public IkiDbContext CreateDbContext() => _sqlite is not null ? new IkiDbContext(_sqlite) : new PostgresIkiDbContext(_postgres!);

    /// <summary>Closes this database's idle pooled connections (e.g. before deleting or copying the file).</summary>
    public void ReleaseConnections()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresConnection.ClearPool(ConnectionString);
            return;
        }
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
