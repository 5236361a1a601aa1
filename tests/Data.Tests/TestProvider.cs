namespace IkiBot.Data.Tests;

/// <summary>
/// Which database the data tests run on: SQLite files (default) or, when <see cref="PostgresTestServer"/> names a server,
/// a fresh PostgreSQL database per test.
/// </summary>
public static class TestProvider
{
    public static bool IsPostgres => PostgresTestServer.IsAvailable;
}

/// <summary>A test of SQLite's own file behaviour (WAL, pragmas, file locks, damaged files): skipped on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestProvider.IsPostgres) Skip = "SQLite only: tests the database file itself";
    }
}
