using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data.Tests;

/// <summary>The stores' race fallbacks rely on recognising SQLite's unique-constraint errors.</summary>
public sealed class DbErrorsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Unique_and_primary_key_violations_are_recognised_other_constraints_are_not()
    {
        var user = await _db.UserAsync("u1");
        await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m1", 1));
        await _db.Processed.TryMarkProcessedAsync("telegram", "p1");

        var unique = await SaveFailureAsync(c => c.Realisasi.Add(Raw(user.Id, "m1")));
        var primaryKey = await SaveFailureAsync(c => c.ProcessedMessages.Add(new ProcessedMessage
        {
            Channel = "telegram", MessageId = "p1", ProcessedAt = DateTimeOffset.UtcNow,
        }));
        var foreignKey = await SaveFailureAsync(c => c.Realisasi.Add(Raw(penggunaId: 999, "m2")));

        Assert.True(DbErrors.IsUniqueViolation(unique));
        Assert.True(DbErrors.IsUniqueViolation(primaryKey));
        Assert.False(DbErrors.IsUniqueViolation(foreignKey));
    }

    private async Task<DbUpdateException> SaveFailureAsync(Action<IkiDbContext> add)
    {
        await using var context = _db.Factory.CreateDbContext();
        add(context);
        return await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
    }

    private static Realisasi Raw(int penggunaId, string messageId) => new()
    {
        PenggunaId = penggunaId, Jabatan = "J", IndikatorKey = "K", IndikatorTeks = "T", Periode = "2026-11",
        Nilai = 1, MessageId = messageId, DibuatPada = DateTimeOffset.UtcNow,
    };
}
