using Microsoft.EntityFrameworkCore;

namespace IkiBot.Data.Tests;

public sealed class RealisasiAddTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Same_message_delivered_twice_is_stored_once()
    {
        var user = await _db.UserAsync("u1");

        var first = await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "telegram:100", 5));
        var second = await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "telegram:100", 9));

        Assert.False(first.Duplicate);
        Assert.Equal(5, first.Total);
        Assert.True(second.Duplicate);
        Assert.Equal(first.Entry.Id, second.Entry.Id);
        Assert.Equal(5, second.Entry.Nilai);
        Assert.Equal(5, second.Total);
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM \"Realisasi\""));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM \"AuditEntry\" WHERE \"Aksi\" = 'realisasi.lapor'"));
        Assert.Equal(5, await _db.Realisasi.TotalAsync(TempDatabase.Jabatan, TempDatabase.Key, TempDatabase.Periode));
    }

    [Fact]
    public async Task Same_message_racing_on_many_threads_is_stored_once()
    {
        var user = await _db.UserAsync("u1");

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "telegram:race", 4)))));

        Assert.Single(results, r => !r.Duplicate);
        Assert.All(results, r => Assert.Equal(results[0].Entry.Id, r.Entry.Id));
        Assert.All(results, r => Assert.Equal(4, r.Total));
        Assert.Equal(1, _db.Scalar("SELECT COUNT(*) FROM \"Realisasi\""));
    }

    [Fact]
    public async Task Twenty_users_reporting_in_parallel_all_land()
    {
        var users = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            Task.Run(() => _db.UserAsync($"u{i}", i % 2 == 0 ? "SEKSI A" : "SEKSI B"))));
        Assert.Equal(20, users.Select(u => u.Id).Distinct().Count());

        var results = new System.Collections.Concurrent.ConcurrentBag<(Pengguna User, RealisasiResult Result)>();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (user, ct) =>
        {
            var nilai = int.Parse(user.ChannelUserId[1..]);
            var result = await new RealisasiStore(_db.Factory, _db.Clock).AddAsync(
                TempDatabase.Report(user.Id, $"telegram:{user.ChannelUserId}", nilai, user.Jabatan!, "K#1#x"), ct);
            results.Add((user, result));
        });

        Assert.Equal(20, _db.Scalar("SELECT COUNT(*) FROM \"Realisasi\""));
        Assert.All(results, r => Assert.False(r.Result.Duplicate));
        Assert.Equal(2 + 4 + 6 + 8 + 10 + 12 + 14 + 16 + 18 + 20,
            await _db.Realisasi.TotalAsync("SEKSI A", "K#1#x", TempDatabase.Periode));
        Assert.Equal(1 + 3 + 5 + 7 + 9 + 11 + 13 + 15 + 17 + 19,
            await _db.Realisasi.TotalAsync("SEKSI B", "K#1#x", TempDatabase.Periode));

        // Writers were serialised: within one jabatan every add saw a different running total, the last one all of it.
        foreach (var jabatan in new[] { "SEKSI A", "SEKSI B" })
        {
            var totals = results.Where(r => r.User.Jabatan == jabatan).Select(r => r.Result.Total).Order().ToArray();
            Assert.Equal(totals.Length, totals.Distinct().Count());
            Assert.Equal(await _db.Realisasi.TotalAsync(jabatan, "K#1#x", TempDatabase.Periode), totals[^1]);
        }
    }

    [Fact]
    public async Task Add_returns_the_period_total_and_keeps_periods_and_indicators_apart()
    {
        var user = await _db.UserAsync("u1");

        await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m1", 2));
        await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m2", 3, key: "SEKSI X#4#lain"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m3", 100, periode: "2026-10"));
        var last = await _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m4", 4));

        Assert.Equal(6, last.Total);
        var totals = await _db.Realisasi.TotalsAsync(TempDatabase.Jabatan, TempDatabase.Periode);
        Assert.Equal(2, totals.Count);
        Assert.Equal(6, totals[TempDatabase.Key]);
        Assert.Equal(3, totals["SEKSI X#4#lain"]);
        Assert.Equal(JenisRealisasi.Laporan, last.Entry.Jenis);
    }

    [Fact]
    public async Task Negative_value_is_refused_and_nothing_is_stored()
    {
        var user = await _db.UserAsync("u1");
        var auditBefore = _db.Scalar("SELECT COUNT(*) FROM \"AuditEntry\"");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m-neg", -1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _db.Realisasi.CorrectAsync(user.Id, TempDatabase.Jabatan, TempDatabase.Key, 3, "x", TempDatabase.Periode, -5, "m-neg2"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _db.Target.SetAsync(TempDatabase.Jabatan, TempDatabase.Key, 2026, -1, null, user.Id));

        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM \"Realisasi\""));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM \"Target\""));
        Assert.Equal(auditBefore, _db.Scalar("SELECT COUNT(*) FROM \"AuditEntry\""));
    }

    [Fact]
    public async Task Database_itself_refuses_a_negative_value_that_bypasses_the_store()
    {
        var user = await _db.UserAsync("u1");
        await using var context = _db.Factory.CreateDbContext();
        context.Realisasi.Add(new Realisasi
        {
            PenggunaId = user.Id, Jabatan = "J", IndikatorKey = "K", IndikatorTeks = "T", Periode = "2026-11",
            Nilai = -1, MessageId = "raw", DibuatPada = DateTimeOffset.UtcNow,
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM \"Realisasi\""));
    }

    [Fact]
    public async Task Malformed_periode_is_refused()
    {
        var user = await _db.UserAsync("u1");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m1", 1, periode: "2026-13")));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _db.Realisasi.AddAsync(TempDatabase.Report(user.Id, "m2", 1, periode: "11-2026")));
        Assert.Equal(0, _db.Scalar("SELECT COUNT(*) FROM \"Realisasi\""));
    }
}
