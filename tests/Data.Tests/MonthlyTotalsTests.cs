namespace IkiBot.Data.Tests;

/// <summary>Issue 13 item 1: recaps ask the database for totals per jabatan, indicator and month.</summary>
public sealed class MonthlyTotalsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Totals_per_month_leave_out_cancelled_entries_count_a_reported_zero_and_keep_to_the_range_and_jabatan()
    {
        var andi = await _db.UserAsync("andi");
        var budi = await _db.UserAsync("budi", "SEKSI Y");
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m1", 5, periode: "2026-10"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m2", 7, periode: "2026-10"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m3", 0, periode: "2026-09"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m4", 100, periode: "2025-12"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(budi.Id, "m5", 9, "SEKSI Y", "SEKSI Y#1#x", "2026-10"));
        await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, "m6", 40, periode: "2026-10"));
        await _db.Realisasi.CancelLastAsync(andi.Id, "batal-m6");

        var all = await _db.Realisasi.MonthlyTotalsAsync("2026-01", "2026-12");
        var oktober = Assert.Single(all, t => t.Jabatan == TempDatabase.Jabatan && t.Periode == "2026-10");
        Assert.Equal((12, 2), (oktober.Total, oktober.Entries));
        var september = Assert.Single(all, t => t.Periode == "2026-09");
        Assert.Equal((0, 1), (september.Total, september.Entries));
        Assert.DoesNotContain(all, t => t.Periode == "2025-12");
        Assert.Contains(all, t => t.Jabatan == "SEKSI Y" && t.Total == 9);

        var onlyY = await _db.Realisasi.MonthlyTotalsAsync("2026-01", "2026-12", ["SEKSI Y"]);
        Assert.Equal("SEKSI Y", Assert.Single(onlyY).Jabatan);

        var upToSeptember = await _db.Realisasi.MonthlyTotalsAsync("2026-01", "2026-09");
        Assert.Equal("2026-09", Assert.Single(upToSeptember).Periode);
    }

    [Fact]
    public async Task A_period_streams_its_active_entries_in_report_order()
    {
        var andi = await _db.UserAsync("andi");
        for (var i = 0; i < 5; i++)
        {
            await _db.Realisasi.AddAsync(TempDatabase.Report(andi.Id, $"s{i}", i));
            _db.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        await _db.Realisasi.CancelLastAsync(andi.Id, "batal");

        var seen = new List<int>();
        await foreach (var r in _db.Realisasi.StreamByPeriodeAsync(TempDatabase.Periode)) seen.Add(r.Nilai);
        Assert.Equal([0, 1, 2, 3], seen);
    }
}
