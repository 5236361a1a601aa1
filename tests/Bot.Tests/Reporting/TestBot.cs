using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;

namespace IkiBot.Bot.Tests.Reporting;

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

/// <summary>The whole bot on a temporary SQLite file, driven by messages as a channel would.</summary>
public sealed class TestBot : IDisposable
{
    private static int _files;
    private int _messages;

    public TestBot(string? path = null, DateTimeOffset? now = null, IReadOnlyList<string>? admins = null)
    {
        Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ikibot-test-{Environment.ProcessId}-{Interlocked.Increment(ref _files)}-{Guid.NewGuid():N}.db");
        Clock = new FixedClock(now ?? new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(7)));
        Services = new BotServices(new BotSettings { DatabasePath = Path, Admins = admins ?? [] }, Clock, quiet: true);
    }

    public string Path { get; }
    public FixedClock Clock { get; }
    public BotServices Services { get; }

    public Task<TurnResult> Say(string text, string user = "u1", string channel = "telegram", string? messageId = null, bool isPrivate = true) =>
        Services.Engine.HandleAsync(new Incoming(channel, user, $"Pengguna {user}", messageId ?? $"m{Interlocked.Increment(ref _messages)}", text, Clock.GetUtcNow(), isPrivate));

    public async Task<int> StoredCount() => (await Services.Realisasi.ListByPeriodeAsync("2026-11", includeCancelled: true)).Count;

    public void Dispose()
    {
        Services.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            try { File.Delete(Path + suffix); } catch (IOException) { }
    }
}
