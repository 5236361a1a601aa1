using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IkiBot.Data;

/// <summary>
/// Whether a SQLite file already has every migration this build knows, read from EF Core's history table with plain
/// SQL: asking EF (<c>GetPendingMigrations</c>) first builds its whole service provider, a quarter of a second that
/// every start of a CLI verb paid when nothing was pending.
/// </summary>
internal static class MigrationHistory
{
    public const string Table = "__EFMigrationsHistory";

    /// <summary>The SQLite migrations' ids, from the attributes EF Core itself reads.</summary>
    public static readonly IReadOnlyList<string> Known = typeof(IkiDbContext).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(IkiDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    public static bool IsCurrent(DbConnection connection)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}';";
        if (Convert.ToInt64(exists.ExecuteScalar()) == 0) return false;

        var applied = new HashSet<string>(StringComparer.Ordinal);
        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT \"MigrationId\" FROM \"{Table}\";";
        using (var reader = read.ExecuteReader())
            while (reader.Read()) applied.Add(reader.GetString(0));
        return Known.All(applied.Contains);
    }
}
