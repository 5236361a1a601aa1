using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IkiBot.Data;

/// <summary>
/// synchronous and busy_timeout are per-connection settings (unlike journal_mode=WAL, which the file keeps),
/// so they are set every time EF opens a connection.
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    // synchronous=NORMAL in WAL mode: a commit survives a process crash; only an OS crash / power loss
    // can lose the last few commits, never corrupt the file.
    // busy_timeout makes SQLite itself wait for the write lock with fine-grained backoff; Microsoft.Data.Sqlite's
    // own retry loop (Default Timeout) stays the outer bound.
    // wal_autocheckpoint=10000: checkpoints are WalCheckpointer's job, in the background; the commit that crosses
    // 10,000 WAL pages (40 MB) still copies them, should the background ones stall.
    private const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint=10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    /// <summary>For connections opened without EF Core (<see cref="IkiDbContextFactory.OpenConnectionAsync"/>).</summary>
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
