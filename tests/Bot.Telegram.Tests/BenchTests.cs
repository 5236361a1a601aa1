using System.Diagnostics;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>
/// The Telegram figures of the bench, printed (test output) and appended to TestResults/bench-telegram.txt:
/// reply time through the emulator, and the outgoing rate kept against the fake server with 429s injected.
/// Bounded in count and time; loopback only. Knobs for a look by hand: BENCH_NO429=1 (no 429s injected),
/// BENCH_DUMP=file (every call the fake saw, with time and status).
/// </summary>
[Collection(EmulatorCollection.Name)]
[Trait("Category", "Bench")]
public sealed class BenchTests(EmulatorFixture emu, ITestOutputHelper output)
{
    private void Report(string line)
    {
        output.WriteLine(line);
        var folder = Path.Combine(Loopback.RepoRoot(), "TestResults");
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "bench-telegram.txt"), $"{DateTime.UtcNow:u} {line}\n");
    }

    [Fact]
    public async Task Reply_time_through_the_emulator()
    {
        await using var bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url));
        await bot.StartAsync();
        string[] questions = ["apa tugas seksi PHI?", "/indikator kasubag keuangan", "siapa yg ngurus IMTA?", "fungsi kabid pelatihan"];
        const int warmup = 10, samples = 100;
        var times = new List<double>();
        for (var i = 0; i < warmup + samples; i++)
        {
            // A new user each time: the per-chat pacing never holds a reply back, so this is the channel's own time.
            var user = emu.User(bot.Options.Token, 80_000 + i);
            var clock = Stopwatch.StartNew();
            await user.SendAsync(questions[i % questions.Length]);
            await Loopback.WaitUntilAsync(async () => (await user.MessagesAsync()).Count >= 1, TimeSpan.FromSeconds(10), () => "reply " + i, pollMs: 2);
            if (i >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var p99 = times[(int)Math.Ceiling(times.Count * 0.99) - 1];
        Report($"telegram reply time through the emulator ({samples} questions, user->emulator->proxy->bot->emulator->user, " +
               $"history polled every 2 ms): median {median:0} ms, p99 {p99:0} ms, max {times[^1]:0} ms");
        Assert.True(median < 1000, $"median {median} ms");
    }

    [Fact]
    public async Task Outgoing_rate_against_the_fake_server_with_429s_injected()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var sent = 0;
        var throttled = 0;
        fake.Fault = c =>
        {
            if (c.Method != "sendMessage") return null;
            if (Interlocked.Increment(ref sent) % 20 != 0 || Environment.GetEnvironmentVariable("BENCH_NO429") == "1") return null;
            Interlocked.Increment(ref throttled);
            return FakeFault.TooManyRequests(1);
        };
        await using var bot = new BotUnderTest(BotUnderTest.Options_(fake.Url));
        await bot.StartAsync();

        const int chats = 60, perChat = 5, total = chats * perChat;
        var renderer = new TelegramRenderer();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < perChat; n++)
        {
            var drafts = Enumerable.Range(0, chats)
                .Select(c => new OutboxDraft((90_000 + c).ToString(), renderer.Render(new Reply($"Pengingat {n + 1} untuk {c}")).Single().Send.ToJson()))
                .ToList();
            Assert.True(await bot.Store.CommitAsync(TelegramOptions.Channel, $"bench-{n}", null, drafts));
            bot.Outbox.Wake();
        }
        await Loopback.WaitUntilAsync(() => fake.Succeeded("sendMessage").Count >= total, TimeSpan.FromSeconds(30),
            () => $"{total} accepted, got {fake.Succeeded("sendMessage").Count}");
        var elapsed = clock.Elapsed.TotalSeconds;

        var accepted = fake.Succeeded("sendMessage");
        Assert.Equal(total, accepted.Count);
        Assert.Equal(total, accepted.Select(c => c.Text).Distinct().Count()); // none doubled
        var at = accepted.Select(c => c.At).Order().ToList();
        if (Environment.GetEnvironmentVariable("BENCH_DUMP") is { } dump)
            File.WriteAllLines(dump, fake.Calls.Select(c => $"{c.Call.At:HH:mm:ss.fff} {c.Call.Method} {c.Call.ChatId} {c.Status}"));
        var peak = at.Select((t, k) => at.Skip(k).TakeWhile(x => x - t < TimeSpan.FromSeconds(1)).Count()).Max();
        // Messages accepted in each whole second from the first; the last seconds are the few chats left, at 1/s each.
        var perSecond = at.GroupBy(t => (int)(t - at[0]).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Count()).ToList();
        Report($"telegram outgoing: {total} messages to {chats} chats with {throttled} answered 429 (retry_after 1 s): " +
               $"all accepted in {elapsed:0.0} s ({total / elapsed:0.0} msg/s overall); per second: {string.Join(" ", perSecond)}; busiest sliding second {peak}");
        Assert.All(perSecond, n => Assert.True(n <= 35, $"{n} messages in one second"));
        Assert.True(peak <= 35, $"peak {peak}");
        Assert.Empty(await bot.Store.PendingAsync(TelegramOptions.Channel, 0));
    }
}
