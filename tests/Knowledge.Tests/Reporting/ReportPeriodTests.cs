using IkiBot.Knowledge.Reporting;

namespace IkiBot.Knowledge.Tests.Reporting;

/// <summary>Which month a report is for. "Now" is 2026-11-27 10:00 WIB unless a test says otherwise.</summary>
[Collection(ReportCollection.Name)]
public sealed class ReportPeriodTests(ReportFixture fixture)
{
    private const string Jabatan = "BENDAHARA"; // row 2: Jumlah SP2D yang dibuat

    private ReportDecision Read(string text, DateTimeOffset? now = null) => fixture.Read(Jabatan, text, now);

    [Theory]
    [InlineData("SP2D dibuat 22", "2026-11")]
    [InlineData("SP2D dibuat bulan ini 22", "2026-11")]
    [InlineData("SP2D dibuat hr ini 22", "2026-11")]
    [InlineData("SP2D dibuat bulan lalu 22", "2026-10")]
    [InlineData("SP2D bln kemarin dibuat 22", "2026-10")]
    [InlineData("SP2D dibuat Oktober 22", "2026-10")]
    [InlineData("SP2D dibuat okt 22", "2026-10")]
    [InlineData("SP2D okt 2026 dibuat 22", "2026-10")]
    [InlineData("SP2D 10/2026 dibuat 22", "2026-10")]
    [InlineData("SP2D 2026-10 dibuat 22", "2026-10")]
    [InlineData("SP2D bulan 9 dibuat 22", "2026-09")]
    [InlineData("SP2D agustus dibuat 22", "2026-08")]
    [InlineData("SP2D thn 2024 dibuat 22", "2026-11")]
    public void Reads_the_month(string text, string code)
    {
        var d = Read(text);
        Assert.True(d.Status == ReportStatus.Ok, $"{d.Status}: {d.Message}");
        Assert.Equal(22, d.Value);
        Assert.Equal(code, d.Periode.Code);
    }

    [Theory]
    [InlineData("SP2D dibuat tgl 5 sebanyak 22", "2026-12-02T10:00:00+07:00", "2026-11")] // the 5th of this month is still ahead
    [InlineData("tgl 25 kemarin SP2D dibuat 22", "2026-12-02T10:00:00+07:00", "2026-11")]
    [InlineData("SP2D dibuat tgl 1 sebanyak 22", "2026-12-02T10:00:00+07:00", "2026-12")]
    [InlineData("SP2D dibuat tgl 20 sebanyak 22", "2026-11-27T10:00:00+07:00", "2026-11")]
    [InlineData("SP2D dibuat tgl 5 oktober sebanyak 22", "2026-12-02T10:00:00+07:00", "2026-10")]
    public void A_day_of_the_month_alone_is_the_latest_such_day_that_has_come(string text, string now, string code)
    {
        var d = Read(text, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(d.Status == ReportStatus.Ok, $"{d.Status}: {d.Message}");
        Assert.Equal(22, d.Value);
        Assert.Equal(code, d.Periode.Code);
    }

    [Theory]
    [InlineData("SP2D TW III dibuat 22")]
    [InlineData("SP2D triwulan 3 dibuat 22")]
    [InlineData("SP2D tw-3 dibuat 22")]
    [InlineData("SP2D triwulan ketiga dibuat 22")]
    public void A_finished_quarter_goes_on_its_last_month_and_says_so(string text)
    {
        var d = Read(text);
        Assert.Equal(ReportStatus.Ok, d.Status);
        Assert.Equal(22, d.Value);
        Assert.Equal("2026-09", d.Periode.Code);
        Assert.Contains("September 2026", d.Message);
        Assert.Contains("Triwulan III", d.Message);
    }

    [Fact]
    public void The_running_quarter_goes_on_the_current_month()
    {
        var d = Read("SP2D TW IV dibuat 22");
        Assert.Equal(ReportStatus.Ok, d.Status);
        Assert.Equal("2026-11", d.Periode.Code);
        Assert.Contains("masih berjalan", d.Message);
    }

    [Theory]
    [InlineData("SP2D juli dibuat 22", "Juli 2026")]
    [InlineData("SP2D okt 2025 dibuat 22", "Oktober 2025")]
    [InlineData("SP2D TW II dibuat 22", "Juni 2026")]
    [InlineData("SP2D 5/2026 dibuat 22", "Mei 2026")]
    public void Refuses_a_closed_period(string text, string label)
    {
        var d = Read(text);
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Contains($"Periode {label} sudah ditutup", d.Message);
        Assert.Contains("Agustus 2026 sampai November 2026", d.Message);
        Assert.Contains("contoh: ", d.Message);
        Assert.Empty(d.Candidates);
        Assert.Null(d.Row);
    }

    [Theory]
    [InlineData("SP2D des 2026 dibuat 22", "Desember 2026")]
    [InlineData("SP2D bulan depan dibuat 22", "Desember 2026")]
    [InlineData("SP2D TW I 2027 dibuat 22", "Januari 2027")]
    public void Refuses_a_future_period(string text, string label)
    {
        var d = Read(text);
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Contains($"Periode {label} belum berjalan", d.Message);
        Assert.Contains("contoh: ", d.Message);
    }

    [Fact]
    public void Refuses_two_different_periods_and_a_semester()
    {
        var two = Read("SP2D okt dibuat 22 bulan ini");
        Assert.Equal(ReportStatus.Reject, two.Status);
        Assert.Contains("lebih dari satu", two.Message);
        var semester = Read("SP2D semester 2 dibuat 22");
        Assert.Equal(ReportStatus.Reject, semester.Status);
        Assert.Contains("per bulan", semester.Message);
    }

    [Fact]
    public void The_month_is_the_month_in_Jakarta()
    {
        // 30 Nov 18:00 UTC is already 1 December 01:00 in Jakarta.
        var utc = new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero);
        Assert.Equal("2026-12", Read("SP2D dibuat 3", utc).Periode.Code);
        Assert.Equal("2026-11", Read("SP2D dibuat kemarin 3", utc).Periode.Code);
        Assert.Equal("2026-11", Read("SP2D dibuat bulan lalu 3", utc).Periode.Code);
        // A month named without a year is the latest one that has begun: in January, "desember" is last December.
        var january = new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal("2026-12", Read("SP2D desember dibuat 3", january).Periode.Code);
    }

    [Fact]
    public void ClosedAfterMonths_is_an_option()
    {
        using var knowledge = IkiKnowledge.LoadBundled();
        var strict = new ReportInterpreter(knowledge, new ReportOptions { ClosedAfterMonths = 1 });
        Assert.Equal(ReportStatus.Ok, strict.Interpret(Jabatan, "SP2D okt dibuat 3", ReportFixture.Now).Status);
        var sep = strict.Interpret(Jabatan, "SP2D sept dibuat 3", ReportFixture.Now);
        Assert.Equal(ReportStatus.Reject, sep.Status);
        Assert.Contains("sudah ditutup", sep.Message);
    }

    [Fact]
    public void Periode_codes_and_labels()
    {
        var p = new Periode(2026, 11);
        Assert.Equal("2026-11", p.Code);
        Assert.Equal("November 2026", p.Label);
        Assert.Equal("Januari 2027", p.AddMonths(2).Label);
        Assert.True(Periode.TryParseCode("2026-03", out var march));
        Assert.Equal(new Periode(2026, 3), march);
        Assert.False(Periode.TryParseCode("2026-13", out _));
        Assert.False(Periode.TryParseCode("2026-3", out _));
        Assert.False(Periode.TryParseCode("abcd-ef", out _));
        Assert.False(Periode.TryParseCode(null!, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Periode(2026, 0));
        Assert.Equal("2026-12", Periode.Of(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero)).Code);
        Assert.Equal("2026-11", Periode.Of(new DateTimeOffset(2026, 11, 30, 16, 59, 0, TimeSpan.Zero)).Code);
    }
}
