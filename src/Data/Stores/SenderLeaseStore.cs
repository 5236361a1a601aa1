using Npgsql;

namespace IkiBot.Data;

/// <summary>
/// The sender lease (<see cref="SenderLease"/>) on PostgreSQL: one conditional upsert takes or renews it, with the
/// database server's clock, so replicas on machines whose clocks differ agree on when it ran out. It runs on a
/// connection of its own, outside the writer lock: a long write elsewhere must not make the holder miss its renewal.
/// On SQLite (one process per file) the lease is always held and nothing is written.
/// </summary>
public sealed class SenderLeaseStore(IkiDbContextFactory factory)
{
    private const string NowMs = "(extract(epoch from clock_timestamp()) * 1000)::bigint";

    /// <summary>Several processes may share the database: the lease means something.</summary>
    public bool IsShared => factory.Provider == DatabaseProvider.Postgres;

    /// <summary>Takes or renews <paramref name="name"/> for <paramref name="holder"/> for <paramref name="lease"/>; false while another holder's lease runs.</summary>
    public async Task<bool> TryHoldAsync(string name, string holder, TimeSpan lease, CancellationToken ct = default)
    {
        if (!IsShared) return true;
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO "SenderLease" ("Name", "Holder", "UntilUnixMs") VALUES (@name, @holder, {NowMs} + @lease)
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "UntilUnixMs" = excluded."UntilUnixMs"
            WHERE "SenderLease"."Holder" = excluded."Holder" OR "SenderLease"."UntilUnixMs" < {NowMs};
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        command.Parameters.AddWithValue("lease", (long)lease.TotalMilliseconds);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Gives the lease up at once (a clean stop), so another replica need not wait for it to run out.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken ct = default)
    {
        if (!IsShared) return;
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("""
            UPDATE "SenderLease" SET "UntilUnixMs" = 0 WHERE "Name" = @name AND "Holder" = @holder;
            """, connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Who holds <paramref name="name"/> now (null: nobody, or the lease ran out).</summary>
    public async Task<string?> HolderAsync(string name, CancellationToken ct = default)
    {
        if (!IsShared) return null;
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            SELECT "Holder" FROM "SenderLease" WHERE "Name" = @name AND "UntilUnixMs" >= {NowMs};
            """, connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
