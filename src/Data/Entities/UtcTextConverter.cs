using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IkiBot.Data;

/// <summary>
/// Stores a DateTimeOffset as fixed-width UTC ISO 8601 text ("2026-11-03T02:15:00.0000000Z").
/// EF Core's SQLite provider refuses ORDER BY / comparisons on DateTimeOffset because its default
/// text keeps the offset; normalised to UTC with a fixed width, text order is time order.
/// The original offset is not kept: values come back with offset zero.
/// </summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => ToText(v),
    s => FromText(s))
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        new(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);
}
