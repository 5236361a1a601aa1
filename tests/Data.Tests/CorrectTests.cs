namespace IkiBot.Data.Tests;

public sealed class CorrectTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Correct_replaces_the_period_total_of_that_indicator_only()
    {
        var andi = await _db.UserAsync("andi");
        var budi = await _db.UserAsync("budi");
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m1", 5));
        await _db.Realisasi.AddAsync(TempDatabase.Report(budi.Id, "m2", 7));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "other-key", 1, key: "SEKSI X#4#lain"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "other-month", 9, periode: "2026-10"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "other-jabatan", 11, jabatan: "SEKSI Y"));
        _db.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await _db.Realisasi.CorrectAsync(andi.Id, TempDatabase.Jabatan, TempDatabase.Key, 3,
            "Jumlah PKWT yang dicatatkan", TempDatabase.Periode, 20, "koreksi-1");

        Assert.False(result.Duplicate);
        Assert.Equal(20, result.Total);
        Assert.Equal(JenisRealisasi.Koreksi, result.Entry.Jenis);
        Assert.Equal(20, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
        foreach (var id in new[] { "m1", "m2" })
        {
            var old = await _db.Realisasi.FindByMessageIdAsync(id);
            Assert.True(old!.Dibatalkan);
            Assert.Equal("koreksi-1", old.DibatalkanOlehMessageId);
        }

        Assert.Equal(1, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, "SEKSI X#4#lain", TempDatabase.Periode));
        Assert.Equal(9, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, "2026-10"));
        Assert.Equal(11, await _db.Realisasi.TotalAsync("SEKSI Y", TempDatabase.Key, TempDatabase.Periode));
    }

    [Fact]
    public async Task Correct_delivered_twice_changes_nothing_the_second_time()
    {
        var andi = await _db.UserAsync("andi");
        await _db.Realisasi.CorrectAsync(andi.Id, TempDatabase.Jabatan, TempDatabase.Key, 3, "t", TempDatabase.Periode, 8, "k1");
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m-after", 2));

        var again = await _db.Realisasi.CorrectAsync(andi.Id, TempDatabase.Jabatan, TempDatabase.Key, 3, "t",
            TempDatabase.Periode, 8, "k1");

        Assert.True(again.Duplicate);
        Assert.Equal(10, again.Total);
        Assert.False((await _db.Realisasi.FindByMessageIdAsync("m-after"))!.Dibatalkan);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM \"AuditEntry\" WHERE \"Aksi\" = 'realisasi.koreksi'"));
    }

    [Fact]
    public async Task Correct_to_zero_and_batal_of_a_correction_leave_nothing_counted()
    {
        var andi = await _db.UserAsync("andi");
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m1", 5));
        _db.Clock.Advance(TimeSpan.FromSeconds(1));

        var zero = await _db.Realisasi.CorrectAsync(andi.Id, TempDatabase.Jabatan, TempDatabase.Key, 3, "t",
            TempDatabase.Periode, 0, "k0");
        Assert.Equal(0, zero.Total);

        var cancelled = await _db.Realisasi.CancelLastAsync(andi.Id, "batal");
        Assert.Equal("k0", cancelled!.MessageId);
        Assert.Equal(0, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
    }
}
