namespace IkiBot.Data.Tests;

public sealed class CancelTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Batal_after_a_restart_cancels_the_users_own_latest_entry()
    {
        var andi = await _db.UserAsync("andi");
        var budi = await _db.UserAsync("budi");
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m1", 1));
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await _db.Realisasi.AddAsync(TempDatabase.Report(budi.Id, "m2", 10));
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m3", 100));
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        await _db.Realisasi.AddAsync(TempDatabase.Report(budi.Id, "m4", 1000));

        _db.Restart();
        _db.Clock.Advance(TimeSpan.FromMinutes(1));
        var cancelled = await _db.Realisasi.CancelLastAsync(andi.Id, "batal-1");

        Assert.NotNull(cancelled);
        Assert.Equal("m3", cancelled.MessageId);
        Assert.True(cancelled.Dibatalkan);
        Assert.Equal(_db.Clock.GetUtcNow(), cancelled.DibatalkanPada);
        Assert.Equal(1011, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
        Assert.False((await _db.Realisasi.FindByMessageIdAsync("m4"))!.Dibatalkan);
    }

    [Fact]
    public async Task Batal_is_idempotent_per_message_and_returns_null_when_nothing_is_left()
    {
        var andi = await _db.UserAsync("andi");
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m1", 1));
        _db.Clock.Advance(TimeSpan.FromSeconds(1));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m2", 2));

        var first = await _db.Realisasi.CancelLastAsync(andi.Id, "batal-1");
        var redelivered = await _db.Realisasi.CancelLastAsync(andi.Id, "batal-1");
        Assert.Equal("m2", first!.MessageId);
        Assert.Equal("m2", redelivered!.MessageId);
        Assert.Equal(1, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));

        Assert.Equal("m1", (await _db.Realisasi.CancelLastAsync(andi.Id, "batal-2"))!.MessageId);
        Assert.Null(await _db.Realisasi.CancelLastAsync(andi.Id, "batal-3"));
        Assert.Equal(0, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
        Assert.Equal(2, _db.Scalar("SELECT COUNT(*) FROM \"AuditEntry\" WHERE \"Aksi\" = 'realisasi.batal'"));
    }

    [Fact]
    public async Task Latest_is_decided_by_DibuatPada_before_Id()
    {
        var andi = await _db.UserAsync("andi");
        var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_db.Clock.GetUtcNow().AddHours(1));
        await new RealisasiStore(_db.Factory, later).AddAsync(TempDatabase.Report(andi.Id, "reported-later", 1));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "reported-earlier-but-higher-id", 2));

        var cancelled = await _db.Realisasi.CancelLastAsync(andi.Id, "batal");

        Assert.Equal("reported-later", cancelled!.MessageId);
    }

    [Fact]
    public async Task Cancelled_entries_do_not_count_and_lists_hide_them_unless_asked()
    {
        var andi = await _db.UserAsync("andi");
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m1", 3));
        _db.Clock.Advance(TimeSpan.FromSeconds(1));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m2", 4));
        await _db.Realisasi.CancelLastAsync(andi.Id, "batal");

        Assert.Equal(3, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
        Assert.Equal(3, (await _db.Realisasi.TotalsAsync(TempDatabase.Jabatan, TempDatabase.Periode))[TempDatabase.Key]);
        Assert.Equal(["m1"], (await _db.Realisasi.ListForAsync(andi.Id, TempDatabase.Periode)).Select(r => r.MessageId));
        Assert.Equal(["m1", "m2"],
            (await _db.Realisasi.ListForAsync(andi.Id, TempDatabase.Periode, includeCancelled: true)).Select(r => r.MessageId));
        Assert.Equal(["m1"], (await _db.Realisasi.ListByPeriodeAsync(TempDatabase.Periode)).Select(r => r.MessageId));
        Assert.Equal(["m1"],
            (await _db.Realisasi.ListByJabatanAsync(TempDatabase.Jabatan, TempDatabase.Periode)).Select(r => r.MessageId));
        Assert.Empty(await _db.Realisasi.ListByPeriodeAsync("2026-10"));
    }
}
