using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Supervision;
using IkiBot.Data;
using Microsoft.Extensions.Time.Testing;

namespace IkiBot.Bot.Tests.Supervision;

/// <summary>The whole bot on a temporary SQLite file with a fake clock and a recording sender; restartable on the same file.</summary>
public sealed class SupervisionBot : IDisposable
{
    public const string SeksiDn = "SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI";
    public const string KabidPenta = "KEPALA BIDANG PENEMPATAN DAN PERLUASAN KESEMPATAN KERJA";
    public const string KabidHi = "KEPALA BIDANG HUBUNGAN INDUSTRIAL & JAMSOSTEK";
    public const string Bendahara = "BENDAHARA";
    public const string Sekretaris = "SEKRETARIS";

    /// <summary>Friday 27 November 2026, 13:00 WIB.</summary>
    public static readonly DateTimeOffset FridayOneOClock = new(2026, 11, 27, 13, 0, 0, TimeSpan.FromHours(7));

    private readonly ReminderSettings _reminders;
    private readonly IReadOnlyDictionary<string, string> _atasan;
    private int _messages;

    public SupervisionBot(DateTimeOffset? start = null, ReminderSettings? reminders = null, IReadOnlyDictionary<string, string>? atasan = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ikibot-supervision-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        Clock = new FakeTimeProvider(start ?? FridayOneOClock);
        _reminders = reminders ?? new ReminderSettings();
        _atasan = atasan ?? new Dictionary<string, string>();
        Services = Build();
    }

    public string Path { get; }
    public FakeTimeProvider Clock { get; }
    public BotServices Services { get; private set; }
    public RecordingSender Sender { get; } = new();

    private BotServices Build() =>
        new(new BotSettings { DatabasePath = Path, Reminders = _reminders, Atasan = _atasan }, Clock, quiet: true);

    /// <summary>A process restart: everything in memory is gone, the SQLite file stays.</summary>
    public void Restart()
    {
        Services.Dispose();
        Services = Build();
    }

    public ReminderRunner Runner(IOutgoingSender? sender = null) => Services.CreateReminderRunner(sender ?? Sender);

    public void SetWib(int year, int month, int day, int hour, int minute = 0) =>
        Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)));

    public async Task<Pengguna> UserAsync(string id, string? jabatan, Peran peran = Peran.Staf, StatusPengguna status = StatusPengguna.Aktif, string? nama = null)
    {
        var user = await Services.Users.RegisterAsync("telegram", id, nama ?? $"Pegawai {id}", jabatan, peran, status);
        return user;
    }

    public Task<TurnResult> Say(string text, string user) =>
        Services.Engine.HandleAsync(new Incoming("telegram", user, $"Pegawai {user}", $"m{Interlocked.Increment(ref _messages)}-{Guid.NewGuid():N}", text, Clock.GetUtcNow()));

    public async Task ReportAsync(string user, string text)
    {
        var reply = await Say(text, user);
        Assert.Contains("Tercatat", reply.Text);
    }

    public void Dispose()
    {
        Services.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(Path + suffix); } catch (IOException) { }
    }
}
