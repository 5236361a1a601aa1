using System.Data.Common;
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
    private readonly WalCheckpointer? _checkpointer;

    public IkiDbContextFactory(string path)
    {
        Provider = DatabaseProvider.Sqlite;
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = Database.ConnectionString(Path);
        _sqlite = new DbContextOptionsBuilder<IkiDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(SqliteConnectionPragmas.Instance)
            .Options;
        _checkpointer = new WalCheckpointer(Path);
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

    /// <summary>
    /// An open ADO.NET connection to the same database, for read paths that skip EF Core: at a CLI verb's start, building
    /// EF's service provider and compiling the first LINQ query cost about half a second, more than the query itself.
    /// </summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        var connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(ConnectionString)
            : PostgresConnection.Create(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (Provider == DatabaseProvider.Sqlite) SqliteConnectionPragmas.Apply(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SQLite: from now on the WAL is copied back into the file in the background (<see cref="WalCheckpointer"/>) rather
    /// than by the commit that fills it. <see cref="Database.Open"/> starts it; <see cref="ReleaseConnections"/> stops it.
    /// </summary>
    internal void StartCheckpoints() => _checkpointer?.EnsureStarted();

    /// <summary>
    /// Closes this database's idle pooled connections (e.g. before deleting or copying the file); on SQLite the last one
    /// to close checkpoints the WAL, and the background checkpoints stop.
    /// </summary>
    public void ReleaseConnections()
    {
        _checkpointer?.Stop();
        if (Provider == DatabaseProvider.Postgres)
        {
            PostgresConnection.ClearPool(ConnectionString);
            return;
        }
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
