using Npgsql;

namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>A test that needs a PostgreSQL server: skipped, saying why, unless IKIBOT_TEST_POSTGRES holds a connection string.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "IKIBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"needs PostgreSQL: set {Variable} to a connection string (e.g. the one `bash .ci/postgres-setup.sh start` prints)";
    }
}

/// <summary>A fresh database on the server IKIBOT_TEST_POSTGRES names, dropped again at the end.</summary>
public sealed class FreshPostgresDatabase : IAsyncDisposable
{
    private readonly string _server;
    public string Name { get; } = "ikibot_test_" + Guid.NewGuid().ToString("N")[..12];
    public string ConnectionString { get; }

    private FreshPostgresDatabase(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = Name }.ConnectionString;
    }

    public static async Task<FreshPostgresDatabase> CreateAsync()
    {
        var db = new FreshPostgresDatabase(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)!);
        await db.ExecuteOnServerAsync($"CREATE DATABASE \"{db.Name}\"");
        return db;
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)"); }
        catch { /* a throw-away cluster goes anyway */ }
    }
}
