using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data;

/// <summary>The SQLite model (migrations in Migrations/); <see cref="PostgresIkiDbContext"/> is the same model on PostgreSQL.</summary>
public class IkiDbContext : DbContext
{
    public IkiDbContext(DbContextOptions<IkiDbContext> options) : base(options) { }

    protected IkiDbContext(DbContextOptions options) : base(options) { }

    public DbSet<Pengguna> Pengguna => Set<Pengguna>();
    public DbSet<Realisasi> Realisasi => Set<Realisasi>();
    public DbSet<Target> Target => Set<Target>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<PermintaanJabatan> PermintaanJabatan => Set<PermintaanJabatan>();
    public DbSet<KbVersion> KbVersions => Set<KbVersion>();
    public DbSet<KbPerubahan> KbPerubahan => Set<KbPerubahan>();
    public DbSet<KbSinonim> KbSinonim => Set<KbSinonim>();
    public DbSet<PertanyaanTakTerjawab> PertanyaanTakTerjawab => Set<PertanyaanTakTerjawab>();

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
        b.Properties<Peran>().HaveConversion<LowercaseEnumConverter<Peran>>();
        b.Properties<StatusPengguna>().HaveConversion<LowercaseEnumConverter<StatusPengguna>>();
        b.Properties<JenisRealisasi>().HaveConversion<LowercaseEnumConverter<JenisRealisasi>>();
        b.Properties<StatusPermintaan>().HaveConversion<LowercaseEnumConverter<StatusPermintaan>>();
    }

    protected override void OnModelCreating(ModelBuilder b) =>
        b.ApplyConfigurationsFromAssembly(typeof(IkiDbContext).Assembly);
}
