using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>The same model on PostgreSQL, with its own migrations (Migrations/Postgres).</summary>
public sealed class PostgresIkiDbContext : IkiDbContext
{
    public PostgresIkiDbContext(DbContextOptions<PostgresIkiDbContext> options) : base(options) =>
        // A one-statement SaveChanges also takes the writer lock (see PostgresWriterLock).
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // SQLite has no regular expressions, PostgreSQL has no GLOB: same rule (YYYY-MM), other syntax.
        b.Entity<Realisasi>().Metadata.RemoveCheckConstraint("CK_Realisasi_Periode");
        b.Entity<Realisasi>().ToTable("Realisasi", t =>
            t.HasCheckConstraint("CK_Realisasi_Periode", "\"Periode\" ~ '^[0-9]{4}-[01][0-9]$'"));
    }
}
