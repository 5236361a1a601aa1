using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Open_on_an_empty_database_applies_every_migration()
    {
        await using var context = _db.Factory.CreateDbContext();

        Assert.Equal(context.Database.GetMigrations(), await context.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.False(context.Database.HasPendingModelChanges());
        foreach (var table in new[] { "Pengguna", "Realisasi", "Target", "AuditEntry", "ProcessedMessage", "OutboxMessage" })
            Assert.Contains($"{table}.", _db.SchemaText());
    }

    [SqliteFact]
    public void Open_switches_a_file_to_WAL() => Assert.Equal("wal", _db.Text("PRAGMA journal_mode"));

    [Fact]
    public async Task Second_open_of_the_same_file_is_a_no_op()
    {
        var user = await _db.UserAsync("u1");
        await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m1", 4));
        var history = _db.Scalar("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"");
        var schema = _db.SchemaText();

        _db.Restart();
        _db.Restart();

        Assert.Equal(history, _db.Scalar("SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(schema, _db.SchemaText());
        Assert.Equal(4, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
        Assert.Equal(user.Id, (await _db.Pengguna.FindAsync("telegram", "u1"))!.Id);
    }

    [SqliteFact]
    public void Open_creates_a_missing_folder()
    {
        var path = Path.Combine(_db.Folder, "nested", "deeper", "bot.db");

        var factory = Database.Open(path);
        factory.ReleaseConnections();

        Assert.True(File.Exists(path));
        Assert.Equal(path, factory.Path);
    }

    [SqliteFact]
    public void Per_connection_pragmas_are_applied()
    {
        using var context = _db.Factory.CreateDbContext();
        context.Database.OpenConnection();
        using var command = context.Database.GetDbConnection().CreateCommand();

        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(1L, command.ExecuteScalar()); // NORMAL
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(5000L, command.ExecuteScalar());
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [SqliteFact]
    public async Task The_start_knows_every_migration_EF_Core_applies()
    {
        await using var context = _db.Factory.CreateDbContext();

        Assert.Equal(context.Database.GetMigrations(), MigrationHistory.Known);
    }

    [SqliteFact]
    public void A_file_missing_its_newest_migration_gets_it_at_the_next_start()
    {
        var newest = MigrationHistory.Known[^1];
        Execute("DROP TABLE \"SenderLease\";");
        Execute($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{newest}';");

        _db.Restart();

        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'SenderLease'"));
        Assert.Equal(1, _db.Scalar($"SELECT COUNT(*) FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{newest}'"));
    }

    [SqliteFact]
    public async Task Connections_opened_without_EF_Core_get_the_same_pragmas()
    {
        await using var connection = await _db.Factory.OpenConnectionAsync();
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(1L, command.ExecuteScalar());
        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(5000L, command.ExecuteScalar());
    }

    private void Execute(string sql)
    {
        using var context = _db.Factory.CreateDbContext();
        context.Database.ExecuteSqlRaw(sql);
    }
}
