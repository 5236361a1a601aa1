using Microsoft.EntityFrameworkCore.Design;

namespace IkiBot.Data;

/// <summary>
/// Used only by <c>dotnet ef migrations add X --context PostgresIkiDbContext --output-dir Migrations/Postgres</c>;
/// adding a migration does not connect, so the connection string is a placeholder.
/// </summary>
internal sealed class DesignTimePostgresIkiDbContextFactory : IDesignTimeDbContextFactory<PostgresIkiDbContext>
{
    public PostgresIkiDbContext CreateDbContext(string[] args) =>
        (PostgresIkiDbContext)IkiDbContextFactory.ForPostgres(args.FirstOrDefault() ?? "Host=localhost;Database=ikibot").CreateDbContext();
}
