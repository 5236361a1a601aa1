using System.Collections.Concurrent;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Hosting;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>
/// Issue 13: long polling stays single-instance on PostgreSQL. A second polling bot on the same database does not poll;
/// it says why, and takes over when the first stops.
/// </summary>
public sealed class PollingReplicaTests(ITestOutputHelper output)
{
    [PostgresFact]
    public async Task A_second_polling_bot_on_the_same_database_stands_by_says_so_and_takes_over_when_the_first_stops()
    {
        await using var pg = await FreshPostgresDatabase.CreateAsync();
        var database = Database.OpenPostgres(pg.ConnectionString);
        // Each bot talks to its own fake, so the fake shows which one polls.
        await using var fakeA = await FakeBotApi.StartAsync();
        await using var fakeB = await FakeBotApi.StartAsync();
        var token = BotUnderTest.NewToken();
        var logA = new ConcurrentQueue<string>();
        var logB = new ConcurrentQueue<string>();
        using var a = Build(fakeA, token, database, logA);
        await a.StartAsync();
        await Loopback.WaitUntilAsync(() => fakeA.All("getUpdates").Count > 0, TimeSpan.FromSeconds(20), () => "the first bot polling");
        using var b = Build(fakeB, token, database, logB);
        await b.StartAsync();
        try
        {
            await Loopback.WaitUntilAsync(() => logB.Any(l => l.Contains("Long polling hanya berjalan di satu replika")), TimeSpan.FromSeconds(20),
                () => "the second bot saying it stands by");
            Assert.Empty(fakeB.All("getUpdates"));

            fakeA.QueueMessage(77, "/tugas kasi phi");
            await Loopback.WaitUntilAsync(() => fakeA.Succeeded("sendMessage").Count == 1, TimeSpan.FromSeconds(20), () => "the answer from the first bot");

            var stopping = DateTime.UtcNow;
            await a.StopAsync(TimeSpan.FromSeconds(10)); // a clean stop gives the lease up
            var stopped = DateTime.UtcNow;
            await Loopback.WaitUntilAsync(() => fakeB.All("getUpdates").Count > 0, TimeSpan.FromSeconds(10), () => "the second bot taking over");
            output.WriteLine($"first bot stopped in {(stopped - stopping).TotalSeconds:0.0} s; second bot polling {(DateTime.UtcNow - stopped).TotalSeconds:0.0} s later");
            fakeB.NextUpdateId(); // Telegram's update ids go on from where the first bot's stopped
            fakeB.QueueMessage(78, "/tugas kasi phi");
            await Loopback.WaitUntilAsync(() => fakeB.Succeeded("sendMessage").Count == 1, TimeSpan.FromSeconds(20), () => "the answer from the second bot");
        }
        finally
        {
            await b.StopAsync(TimeSpan.FromSeconds(10));
            foreach (var line in logA) output.WriteLine("A " + line);
            foreach (var line in logB) output.WriteLine("B " + line);
            database.ReleaseConnections();
        }
    }

    private static IHost Build(FakeBotApi fake, string token, IkiDbContextFactory database, ConcurrentQueue<string> log) =>
        TelegramHost.Build(BotUnderTest.Options_(fake.Url, token), new ConversationEngine(BotUnderTest.Bundled), database, TimeProvider.System, l =>
        {
            l.SetMinimumLevel(LogLevel.Information);
            l.AddFilter("Microsoft", LogLevel.Warning);
            l.AddFilter("System.Net.Http", LogLevel.Warning);
            l.AddProvider(new LinesLoggerProvider(log));
        });

    private sealed class LinesLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string category) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format) =>
            lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {level}: {format(state, e)}");
    }
}
