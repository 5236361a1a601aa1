using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IkiBot.Data.Tests;

/// <summary>
/// The SQLite context runs on a compiled model (src/Data/CompiledModels/Sqlite: a database verb starts about 150 ms
/// sooner). It must say what the entity classes and their configuration say; after a model change regenerate it with
/// <c>dotnet ef dbcontext optimize --project src/Data --context IkiDbContext --output-dir CompiledModels/Sqlite --namespace IkiBot.Data.CompiledModels.Sqlite</c>.
/// </summary>
public sealed class CompiledModelTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [SqliteFact]
    public void The_compiled_model_is_the_model_the_code_describes()
    {
        using var context = _db.Factory.CreateDbContext();
        var compiled = context.Model;
        var fromCode = context.GetService<IDesignTimeModel>().Model;

        Assert.IsAssignableFrom<CompiledModels.Sqlite.IkiDbContextModel>(compiled);
        Assert.Equal(Describe(fromCode), Describe(compiled));
    }

    /// <summary>Every table, column (type, null), key, index (unique, filter) and foreign key, and every property's converter.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var t in model.GetRelationalModel().Tables)
        {
            lines.AddRange(t.Columns.Select(c => $"{t.Name}.{c.Name} {c.StoreType} null={c.IsNullable}"));
            lines.AddRange(t.UniqueConstraints.Select(k => $"{t.Name} key {k.Name} ({string.Join(",", k.Columns.Select(c => c.Name))})"));
            lines.AddRange(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"));
            lines.AddRange(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }
        lines.AddRange(model.GetEntityTypes().SelectMany(e => e.GetProperties()
            .Select(p => $"{e.ClrType.Name}.{p.Name} {p.ClrType.Name} converter={p.GetTypeMapping().Converter?.GetType().Name}")));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
