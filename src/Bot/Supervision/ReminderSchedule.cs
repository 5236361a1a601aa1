using Cronos;
using IkiBot.Bot.Configuration;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Supervision;

/// <summary>One occurrence of a reminder: <see cref="At"/> is when it goes out (after any holiday move), <see cref="Id"/> its key ("2026-11-27T14:00", WIB).</summary>
public sealed record ReminderSlot(string Id, DateTimeOffset At, DateTimeOffset Nominal)
{
    public bool Moved => At != Nominal;
    public DateOnly Day => DateOnly.FromDateTime(JakartaTime.From(At).DateTime);
}

/// <summary>
/// When a reminder goes out: a cron expression read in Asia/Jakarta (Cronos), with weekends and listed holidays
/// skipped, moved to the working day before, moved to the working day after, or kept, as configured.
/// Two occurrences that land on the same moment are one slot.
/// </summary>
public sealed class ReminderSchedule
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(40);
    private readonly CronExpression _cron;
    private readonly HashSet<DateOnly> _holidays;
    private readonly NonWorkingDayPolicy _weekend;
    private readonly NonWorkingDayPolicy _holiday;

    public ReminderSchedule(string cron, IEnumerable<DateOnly>? holidays = null,
        NonWorkingDayPolicy weekend = NonWorkingDayPolicy.Skip, NonWorkingDayPolicy holiday = NonWorkingDayPolicy.Skip)
    {
        Expression = cron;
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            _cron = CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"Ekspresi cron pengingat tidak valid: \"{cron}\" ({e.Message})", e);
        }
        _holidays = [.. holidays ?? []];
        _weekend = weekend;
        _holiday = holiday;
    }

    public static ReminderSchedule For(ReminderSettings s, bool digest = false) =>
        new(digest ? s.DigestCron : s.Cron, s.Holidays, s.Weekend, s.Holiday);

    public string Expression { get; }

    /// <summary>The first slot that goes out strictly after <paramref name="after"/>; null if the expression never fires.</summary>
    public ReminderSlot? Next(DateTimeOffset after)
    {
        for (var from = after - TimeSpan.FromDays(15); from < after + TimeSpan.FromDays(800); from += Window)
        {
            var next = Slots(from, from + Window).FirstOrDefault(s => s.At > after);
            if (next is not null) return next;
        }
        return null;
    }

    /// <summary>The last slot that went out at or before <paramref name="now"/> (looking back up to 40 days).</summary>
    public ReminderSlot? Latest(DateTimeOffset now) =>
        Slots(now - Window, now + TimeSpan.FromDays(15)).LastOrDefault(s => s.At <= now);

    /// <summary>Slots whose nominal occurrence lies in [from, to), in order of <see cref="ReminderSlot.At"/>.</summary>
    public IReadOnlyList<ReminderSlot> Slots(DateTimeOffset from, DateTimeOffset to)
    {
        var slots = new List<ReminderSlot>();
        foreach (var nominal in _cron.GetOccurrences(from, to, JakartaTime.Zone, fromInclusive: true, toInclusive: false))
        {
            var at = Effective(JakartaTime.From(nominal));
            if (at is null) continue;
            var id = at.Value.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            if (slots.Any(s => s.Id == id)) continue;
            slots.Add(new ReminderSlot(id, at.Value, nominal));
        }
        return slots.OrderBy(s => s.At).ToList();
    }

    /// <summary>Why a day is not a working day: "libur" (listed holiday), "akhir pekan", or null.</summary>
    public string? NonWorking(DateOnly day) =>
        _holidays.Contains(day) ? "libur" : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "akhir pekan" : null;

    private DateTimeOffset? Effective(DateTimeOffset local)
    {
        var day = DateOnly.FromDateTime(local.DateTime);
        var policy = Policy(day);
        if (policy is null or NonWorkingDayPolicy.Send) return local;
        if (policy == NonWorkingDayPolicy.Skip) return null;
        var step = policy == NonWorkingDayPolicy.Move ? -1 : 1;
        for (var i = 1; i <= 14; i++)
        {
            var candidate = day.AddDays(step * i);
            if (Policy(candidate) is null or NonWorkingDayPolicy.Send)
                return new DateTimeOffset(candidate.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), local.Offset);
        }
        return null;
    }

    private NonWorkingDayPolicy? Policy(DateOnly day) => NonWorking(day) switch
    {
        "libur" => _holiday,
        "akhir pekan" => _weekend,
        _ => null,
    };
}
