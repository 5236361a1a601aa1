using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IkiBot.Data;

/// <summary>
/// The stores' read-check-write steps (a version's optimistic check, a report's running total, a cancel or correction,
/// the outbox claim, a jabatan request) are correct on SQLite because it lets one writer in at a time (BEGIN IMMEDIATE).
/// On PostgreSQL every transaction first takes one transaction-scoped advisory lock, which gives the same rule;
/// reads outside transactions are not held up. <see cref="PostgresIkiDbContext"/> makes every SaveChanges a transaction.
/// </summary>
internal sealed class PostgresWriterLock : DbTransactionInterceptor
{
    public static readonly PostgresWriterLock Instance = new();

    private const string Sql = "SELECT pg_advisory_xact_lock(7263001);";

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
        DbTransaction result, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = result;
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }
}
