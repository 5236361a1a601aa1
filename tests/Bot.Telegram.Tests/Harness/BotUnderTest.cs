using System.Collections.Concurrent;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Hosting;
using IkiBot.Data;
using IkiBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>
/// The real Telegram host (TelegramHost.Build: startup, outbox, polling or webhook) over a fresh SQLite file, the
/// bundled knowledge and the real ConversationEngine, pointed at a loopback Bot API. Restart keeps the file.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private static readonly Lazy<IkiKnowledge> SharedKnowledge = new(IkiKnowledge.LoadBundled);
    private static int _tokens;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ikibot-telegram-tests", Guid.NewGuid().ToString("N"));
    public string DatabasePath => Path.Combine(Folder, "ikibot.db");
    public TelegramOptions Options { get; private set; }
    public IHost? Host { get; private set; }
    public ConcurrentQueue<string> Log { get; } = new();
    public IkiDbContextFactory Database { get; private set; }

    private readonly Func<IkiKnowledge, ConversationEngine> _engine;

    public static IkiKnowledge Bundled => SharedKnowledge.Value;

    public BotUnderTest(TelegramOptions options, Func<IkiKnowledge, ConversationEngine>? engine = null)
    {
        Directory.CreateDirectory(Folder);
        Options = options;
        _engine = engine ?? (k => new ConversationEngine(k));
        Database = Data.Database.Open(DatabasePath);
    }

    /// <summary>A token unique to this test run, in the shape the emulator and Telegram.Bot accept ("123456789:abc...").</summary>
    public static string NewToken() =>
        $"{100000000 + Environment.ProcessId % 1000 * 1000 + Interlocked.Increment(ref _tokens)}:test{Guid.NewGuid():N}";

    public static TelegramOptions Options_(string baseUrl, string? token = null) => new()
    {
        Token = token ?? NewToken(),
        BaseUrl = baseUrl,
        PollTimeoutSeconds = 2,
    };

    public ChannelDeliveryStore Store => new(Database, TimeProvider.System);

    public async Task StartAsync()
    {
        var engine = _engine(SharedKnowledge.Value);
        Host = TelegramHost.Build(Options, engine, Database, TimeProvider.System, log =>
        {
            log.SetMinimumLevel(LogLevel.Debug);
            log.AddFilter("Microsoft", LogLevel.Warning);
            log.AddFilter("System.Net.Http", LogLevel.Warning);
            log.AddProvider(new QueueLoggerProvider(Log));
        });
        await Host.StartAsync();
    }

    public async Task StopAsync()
    {
        if (Host is null) return;
        await Host.StopAsync(TimeSpan.FromSeconds(10));
        Host.Dispose();
        Host = null;
    }

    public async Task RestartAsync(TelegramOptions? options = null)
    {
        await StopAsync();
        Database.ReleaseConnections();
        Database = Data.Database.Open(DatabasePath);
        if (options is not null) Options = options;
        await StartAsync();
    }

    public TelegramOutbox Outbox => Host!.Services.GetRequiredService<TelegramOutbox>();

    public string LogText => string.Join("\n", Log);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Database.ReleaseConnections();
        try { Directory.Delete(Folder, recursive: true); } catch { }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new QueueLogger(lines, category[(category.LastIndexOf('.') + 1)..]);
        public void Dispose() { }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            if (lines.Count < 5000) lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {level} {category}: {format(state, e)}{(e is null ? "" : " " + e.GetType().Name + ": " + e.Message)}");
        }
    }
}

/// <summary>One emulator and one proxy for all end-to-end tests (each test uses its own bot token, so they do not mix).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;
    private EmulatorProxy? _proxy;
    public EmulatorProcess Emulator => _emulator ?? throw new InvalidOperationException("The emulator did not start (see the first failure).");
    public EmulatorProxy Proxy => _proxy ?? throw new InvalidOperationException("The emulator proxy did not start (see the first failure).");
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public async Task InitializeAsync()
    {
        _emulator = EmulatorProcess.Start();
        _proxy = await EmulatorProxy.StartAsync(_emulator.Url);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        _emulator?.Dispose();
        Http.Dispose();
    }

    public EmulatedUser User(string token, long id, string name = "Budi", long? chat = null, string type = "private", string? title = null) =>
        new(Http, Emulator.Url, token, id, name, chat, type, title);
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "telegram-emulator";
}
