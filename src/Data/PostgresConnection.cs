using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IkiBot.Data;

/// <summary>
/// Every Npgsql type the factory needs, kept out of the methods a SQLite start runs: naming an Npgsql type in a method
/// loads Npgsql.dll (and its code pages) when that method first runs, 2-3 MB of resident memory for nothing (issue 8 item 10).
/// </summary>
internal static class PostgresConnection
{
    /// <exception cref="ArgumentException">The connection string is not valid.</exception>
    public static (string Path, string ConnectionString, DbContextOptions<PostgresIkiDbContext> Options) Options(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var options = new DbContextOptionsBuilder<PostgresIkiDbContext>()
            .UseNpgsql(c.ConnectionString)
            .AddInterceptors(PostgresWriterLock.Instance)
            .Options;
        return (Describe(c), c.ConnectionString, options);
    }

    public static System.Data.Common.DbConnection Create(string connectionString) => new NpgsqlConnection(connectionString);

    public static void ClearPool(string connectionString)
    {
        using var pg = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(pg);
    }

    public static string Describe(NpgsqlConnectionStringBuilder c) => $"PostgreSQL {c.Host}:{c.Port}/{c.Database}";

    /// <summary>The reason for an Npgsql error (<see cref="DatabaseFaults.Reason"/>), null for any other exception.</summary>
    public static string? Reason(Exception x) => x switch
    {
        PostgresException p => $"ditolak server PostgreSQL ({p.SqlState}: {p.MessageText})",
        NpgsqlException => "tidak dapat dihubungi (server PostgreSQL mati atau alamatnya salah)",
        _ => null,
    };
}
