using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace IkiBot.Bot.Configuration;

/// <summary>What to do with a reminder whose day is a weekend day or a listed holiday.</summary>
public enum NonWorkingDayPolicy
{
    /// <summary>Not sent that week.</summary>
    Skip,
    /// <summary>Sent at the same time on the working day before ("dimajukan").</summary>
    Move,
    /// <summary>Sent at the same time on the next working day ("diundur").</summary>
    Later,
    /// <summary>Sent on that day anyway.</summary>
    Send,
}

/// <summary>
/// "Reminders" section: when the weekly reminder and the supervisors' digest go out (cron in Asia/Jakarta),
/// the office's holidays and what a holiday or weekend does to them; "Struktur:Atasan" maps bawahan to atasan.
/// </summary>
public sealed record ReminderSettings
{
    public const string DefaultCron = "0 14 * * 5"; // Friday 14:00 WIB

    public bool Enabled { get; init; } = true;
    public string Cron { get; init; } = DefaultCron;
    /// <summary>The supervisors' weekly digest; by default at the same time as the reminder.</summary>
    public string DigestCron { get; init; } = DefaultCron;
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];
    public NonWorkingDayPolicy Weekend { get; init; } = NonWorkingDayPolicy.Skip;
    public NonWorkingDayPolicy Holiday { get; init; } = NonWorkingDayPolicy.Skip;

    public static ReminderSettings From(IConfiguration c)
    {
        var s = c.GetSection("Reminders");
        var cron = Blank(s["Cron"]) ?? DefaultCron;
        return new ReminderSettings
        {
            Enabled = !bool.TryParse(s["Enabled"], out var enabled) || enabled,
            Cron = cron,
            DigestCron = Blank(s["DigestCron"]) ?? cron,
            Holidays = s.GetSection("Holidays").GetChildren().Select(x => x.Value).OfType<string>()
                .Select(ParseDate).ToList(),
            Weekend = Policy(s["Weekend"], "Reminders:Weekend"),
            Holiday = Policy(s["Holiday"], "Reminders:Holiday"),
        };
    }

    /// <summary>"Struktur:Atasan": { "BENDAHARA": "KEPALA SUB BAGIAN KEUANGAN", ... } (bawahan → atasan, names as in the document).</summary>
    public static IReadOnlyDictionary<string, string> AtasanFrom(IConfiguration c) =>
        c.GetSection("Struktur:Atasan").GetChildren()
            .Where(x => !string.IsNullOrWhiteSpace(x.Value))
            .ToDictionary(x => x.Key, x => x.Value!, StringComparer.OrdinalIgnoreCase);

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new FormatException($"Reminders:Holidays: tanggal harus TTTT-BB-HH, bukan \"{text}\".");

    private static NonWorkingDayPolicy Policy(string? text, string key) => Blank(text)?.ToLowerInvariant() switch
    {
        null or "skip" or "lewati" => NonWorkingDayPolicy.Skip,
        "move" or "before" or "maju" or "majukan" => NonWorkingDayPolicy.Move,
        "later" or "after" or "mundur" or "undur" => NonWorkingDayPolicy.Later,
        "send" or "kirim" => NonWorkingDayPolicy.Send,
        _ => throw new FormatException($"{key} harus skip, move, later atau send, bukan \"{text}\"."),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
