namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>A fresh database on the server IKIBOT_TEST_POSTGRES names (<see cref="PostgresTestServer"/>), dropped again at the end.</summary>
public sealed class FreshPostgresDatabase : IAsyncDisposable
{
    private FreshPostgresDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static Task<FreshPostgresDatabase> CreateAsync() =>
        Task.Run(() => new FreshPostgresDatabase(PostgresTestServer.CreateDatabase()));

    public ValueTask DisposeAsync()
    {
        try { PostgresTestServer.DropDatabase(ConnectionString); }
        catch { /* a throw-away cluster goes anyway */ }
        return ValueTask.CompletedTask;
    }
}
