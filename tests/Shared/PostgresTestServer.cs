using Npgsql;

namespace IkiBot.Tests.Shared;

/// <summary>
/// The PostgreSQL server tests may create databases on: IKIBOT_TEST_POSTGRES holds its connection string (e.g. the one
/// <c>bash .ci/postgres-setup.sh start</c> prints). Compiled into each test project that needs it.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "IKIBOT_TEST_POSTGRES";

    public static string? ConnectionString { get; } =
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)) ? null : Environment.GetEnvironmentVariable(Variable)!.Trim();

    public static bool IsAvailable => ConnectionString is not null;

    /// <summary>Creates an empty database on the server and returns the connection string for it.</summary>
    public static string CreateDatabase()
    {
        var name = "ikibot_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateDatabase"/> made, closing what still uses it.</summary>
    public static void DropDatabase(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A test that needs a PostgreSQL server: skipped, saying why, unless IKIBOT_TEST_POSTGRES holds a connection string.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresTestServer.IsAvailable)
            Skip = $"needs PostgreSQL: set {PostgresTestServer.Variable} to a connection string (e.g. the one `bash .ci/postgres-setup.sh start` prints)";
    }
}
