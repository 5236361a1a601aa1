using Microsoft.Data.Sqlite;

namespace IkiBot.Data.Tests;

/// <summary>
/// Reports' commits do not copy the WAL back into the database file (that made them the slowest 1%); a background
/// checkpoint does, while the bot keeps its connections open.
/// </summary>
public sealed class WalCheckpointTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [SqliteFact]
    public async Task Committed_reports_reach_the_database_file_in_the_background_within_seconds()
    {
        var user = await _db.UserAsync("u1");
        for (var i = 0; i < 200; i++)
            await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m" + i, 1));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (RowsInFileItself() < 200 && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.Equal(200, RowsInFileItself());
    }

    [SqliteFact]
    public async Task After_the_connections_are_released_no_more_checkpoints_touch_the_file()
    {
        var user = await _db.UserAsync("u1");
        await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m1", 1));
        _db.Factory.ReleaseConnections();
        var bytes = File.ReadAllBytes(_db.Path);
        var written = File.GetLastWriteTimeUtc(_db.Path);

        await Task.Delay(WalCheckpointer.Interval * 2.5);

        Assert.Equal(written, File.GetLastWriteTimeUtc(_db.Path));
        Assert.Equal(bytes, File.ReadAllBytes(_db.Path));
    }

    /// <summary>The rows the database file holds without its WAL (immutable=1 reads the file alone).</summary>
    private long RowsInFileItself()
    {
        using var connection = new SqliteConnection($"Data Source=file:{_db.Path}?immutable=1;Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'Realisasi'";
        if ((long)command.ExecuteScalar()! == 0) return 0; // not even the schema has been copied back yet
        command.CommandText = "SELECT COUNT(*) FROM \"Realisasi\"";
        return (long)command.ExecuteScalar()!;
    }
}
