using Npgsql;

namespace IkiBot.Data.Tests;

/// <summary>
/// Which database the data tests run on: SQLite files (default) or, when IKIBOT_TEST_POSTGRES holds a connection string
/// to a server the tests may create databases on (see .ci/postgres-setup.sh), a fresh PostgreSQL database per test.
/// </summary>
public static class TestProvider
{
    public const string Variable = "IKIBOT_TEST_POSTGRES";

    public static string? PostgresServer { get; } = NullIfBlank(Environment.GetEnvironmentVariable(Variable));

    public static bool IsPostgres => PostgresServer is not null;

    /// <summary>Creates an empty database on the server and returns the connection string for it.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = "ikibot_test_" + Guid.NewGuid().ToString("N");
        Admin($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A test of SQLite's own file behaviour (WAL, pragmas, file locks, damaged files): skipped on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestProvider.IsPostgres) Skip = "SQLite only: tests the database file itself";
    }
}

/// <summary>A test of what only PostgreSQL has: skipped unless IKIBOT_TEST_POSTGRES names a server.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestProvider.IsPostgres) Skip = "PostgreSQL only: set " + TestProvider.Variable + " (bash .ci/postgres-setup.sh start)";
    }
}
