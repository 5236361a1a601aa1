namespace IkiBot.Data.Tests;

public sealed class TargetTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Set_inserts_then_updates_the_same_row()
    {
        var admin = await _db.UserAsync("admin");

        var created = await _db.Target.SetAsync(TempDatabase.Jabatan, TempDatabase.Key, 2026, 120, "dokumen", admin.Id);
        _db.Clock.Advance(TimeSpan.FromDays(1));
        var updated = await _db.Target.SetAsync(TempDatabase.Jabatan, TempDatabase.Key, 2026, 150, null, null);
        await _db.Target.SetAsync(TempDatabase.Jabatan, "SEKSI X#4#lain", 2026, 10, "kali", admin.Id);
        await _db.Target.SetAsync(TempDatabase.Jabatan, TempDatabase.Key, 2027, 200, "dokumen", admin.Id);

        Assert.Equal(created.Id, updated.Id);
        var got = await _db.Target.GetAsync(TempDatabase.Jabatan, TempDatabase.Key, 2026);
        Assert.NotNull(got);
        Assert.Equal(150, got.Nilai);
        Assert.Null(got.Satuan);
        Assert.Null(got.DiubahOleh);
        Assert.Equal(_db.Clock.GetUtcNow(), got.DiubahPada);
        Assert.Null(await _db.Target.GetAsync("SEKSI Y", TempDatabase.Key, 2026));
        Assert.Equal([TempDatabase.Key, "SEKSI X#4#lain"],
            (await _db.Target.ForJabatanAsync(TempDatabase.Jabatan, 2026)).Select(t => t.IndikatorKey));
        Assert.Equal(3, _db.Scalar("SELECT COUNT(*) FROM \"Target\""));
        Assert.Equal(4, _db.Scalar("SELECT COUNT(*) FROM \"AuditEntry\" WHERE \"Aksi\" = 'target.set'"));
    }
}
