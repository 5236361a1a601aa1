using Microsoft.EntityFrameworkCore.Design;

namespace IkiBot.Data;

/// <summary>Used only by <c>dotnet ef</c> (e.g. <c>dotnet ef migrations add X --project src/Data</c>).</summary>
internal sealed class DesignTimeIkiDbContextFactory : IDesignTimeDbContextFactory<IkiDbContext>
{
    public IkiDbContext CreateDbContext(string[] args) =>
        new IkiDbContextFactory(args.FirstOrDefault() ?? "ikibot.db").CreateDbContext();
}
