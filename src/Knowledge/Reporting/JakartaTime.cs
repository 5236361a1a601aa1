namespace IkiBot.Knowledge.Reporting;

/// <summary>Asia/Jakarta (WIB, UTC+7, no daylight saving), with a fixed +7 zone where the system has no tz data.</summary>
public static class JakartaTime
{
    public static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset From(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    private static TimeZoneInfo Find()
    {
        foreach (var id in new[] { "Asia/Jakarta", "SE Asia Standard Time" })
        {
            try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { }
        }
        return TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB (UTC+7)", "WIB");
    }
}
