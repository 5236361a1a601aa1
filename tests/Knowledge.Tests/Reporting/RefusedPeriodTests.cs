using IkiBot.Knowledge.Reporting;

namespace IkiBot.Knowledge.Tests.Reporting;

/// <summary>Issue 9 item 9: a refused period is returned as the period the text named, not the current month.</summary>
[Collection(ReportCollection.Name)]
public sealed class RefusedPeriodTests(ReportFixture fixture)
{
    [Theory]
    [InlineData("SP2D dibuat januari 2027 22", "2027-01", "Januari 2027")]
    [InlineData("SP2D dibuat 2030-05 22", "2030-05", "Mei 2030")]
    [InlineData("SP2D dibuat februari 2026 22", "2026-02", "Februari 2026")]
    public void A_future_or_closed_period_is_refused_and_returned_as_named(string text, string code, string label)
    {
        var d = fixture.Read("BENDAHARA", text);
        Assert.Equal(ReportStatus.Reject, d.Status);
        Assert.Contains(label, d.Message);
        Assert.Equal(code, d.Periode.Code);
    }
}
