namespace IkiBot.Data.Tests;

public sealed class UtcTextConverterTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Text_order_is_time_order_whatever_the_offset()
    {
        var jakartaMorning = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(7)); // 02:00Z
        var utcLater = new DateTimeOffset(2026, 11, 3, 3, 0, 0, TimeSpan.Zero);

        Assert.True(string.CompareOrdinal(UtcTextConverter.ToText(jakartaMorning), UtcTextConverter.ToText(utcLater)) < 0);
        Assert.Equal("2026-11-03T02:00:00.0000000Z", UtcTextConverter.ToText(jakartaMorning));
        Assert.Equal(jakartaMorning, UtcTextConverter.FromText(UtcTextConverter.ToText(jakartaMorning)));
        Assert.Equal(TimeSpan.Zero, UtcTextConverter.FromText(UtcTextConverter.ToText(jakartaMorning)).Offset);
    }

    [Fact]
    public async Task Stored_as_utc_iso_text()
    {
        await _db.UserAsync("u1");

        Assert.Equal(UtcTextConverter.ToText(_db.Clock.GetUtcNow()), _db.Text("SELECT \"DibuatPada\" FROM \"Pengguna\""));
    }
}
