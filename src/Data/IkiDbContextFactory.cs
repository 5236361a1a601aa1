using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>
/// Creates one <see cref="IkiDbContext"/> per unit of work for one SQLite file.
/// Does not touch the file; use <see cref="Database.Open"/> to get one with the schema migrated.
/// </summary>
public sealed class IkiDbContextFactory : IDbContextFactory<IkiDbContext>
{
    private readonly DbContextOptions<IkiDbContext> _options;

    public IkiDbContextFactory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConnectionString = Database.ConnectionString(Path);
        _options = new DbContextOptionsBuilder<IkiDbContext>()
            .UseSqlite(ConnectionString)
            .AddInterceptors(SqliteConnectionPragmas.Instance)
            .Options;
    }

    public string Path { get; }
    public string ConnectionString { get; }

    public IkiDbContext CreateDbContext() => new(_options);

    /// <summary>Closes this file's idle pooled connections (e.g. before deleting or copying the file).</summary>
    public void ReleaseConnections()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
