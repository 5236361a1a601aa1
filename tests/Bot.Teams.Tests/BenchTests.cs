using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Teams.Tests.Harness;
using IkiBot.Data;
using Xunit.Abstractions;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>
/// The Teams figures of the bench, printed (test output) and appended to TestResults/bench-teams.txt: reply time
/// through the Agents Playground, and the outbox rate kept against the fake connector with 429s injected.
/// Bounded in count and time; loopback only.
/// </summary>
[Trait("Category", "Bench")]
public sealed class BenchTests(PlaygroundFixture f, ITestOutputHelper output) : IClassFixture<PlaygroundFixture>
{
    private void Report(string line)
    {
        output.WriteLine(line);
        var folder = Path.Combine(PlaygroundUser.RepositoryRoot(), "TestResults");
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "bench-teams.txt"), $"{DateTime.UtcNow:u} {line}\n");
    }

    [Fact]
    public async Task Reply_time_through_the_playground()
    {
        string[] questions = ["apa tugas seksi PHI?", "/indikator kasubag keuangan", "siapa yg ngurus IMTA?", "fungsi kabid pelatihan"];
        const int warmup = 5, samples = 60;
        var times = new List<double>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var t = await f.Tamu.TimeReplyAsync(() => f.Tamu.SayAsync(questions[i % questions.Length]));
            if (i >= warmup) times.Add(t.TotalMilliseconds);
            await f.Tamu.CollectAsync(timeoutMs: 1500, quietMs: 250); // the rest of the answer (a card) before the next question
        }
        times.Sort();
        var median = times[times.Count / 2];
        var p99 = times[(int)Math.Ceiling(times.Count * 0.99) - 1];
        Report($"teams reply time through the playground ({samples} questions, playground->bot->outbox->connector->playground->websocket): " +
               $"median {median:0} ms, p99 {p99:0} ms, max {times[^1]:0} ms");
        Assert.True(median < 2000, $"median {median} ms");
    }

    [Fact]
    public async Task Outbox_rate_against_the_fake_connector_with_429s_injected()
    {
        await using var connector = await FakeConnector.StartAsync();
        var throttled = 0;
        connector.Respond = (n, _, _) => n % 20 == 0 ? (Interlocked.Increment(ref throttled) > 0 ? (429, 1, "{}") : null) : null;
        // Default limits (1/s per conversation, bursts of 3, 30/s overall); only the retry pauses are short.
        await using var bot = await new TeamsBot(new TeamsOptions
        {
            AllowAnonymous = true, SendRetryBaseDelay = TimeSpan.FromMilliseconds(50), SendRoundPause = TimeSpan.FromMilliseconds(500),
        }).StartAsync();
        var store = bot.Get<TeamsConversationStore>();
        const int users = 60, each = 5;
        for (var u = 0; u < users; u++)
            await store.SaveAsync(new TeamsConversation
            {
                UserKey = $"aad-{u}", TeamsUserId = $"29:1u{u}", ServiceUrl = connector.Url + "/amer/", ConversationId = $"a:1u{u}", BotId = "28:bot",
            });
        var sender = bot.Get<TeamsOutgoingSender>();
        var start = DateTimeOffset.UtcNow;
        for (var k = 0; k < each; k++)
            for (var u = 0; u < users; u++)
                Assert.Equal(SendStatus.Queued, (await sender.SendAsync(new Outgoing("teams", $"aad-{u}", new Reply($"pesan {k} untuk {u}")))).Status);
        var calls = await connector.WaitForAsync(c => c.Count(x => x.Status == 201) >= users * each, 60_000);
        var ok = calls.Where(x => x.Status == 201).OrderBy(x => x.At).ToList();
        Assert.Equal(users * each, ok.Count);
        Assert.Equal(users * each, ok.Select(x => x.Text).Distinct().Count()); // each accepted once
        var elapsed = (ok[^1].At - start).TotalSeconds;
        var busiest = ok.Select((c, i) => ok.Skip(i).TakeWhile(x => x.At - c.At < TimeSpan.FromSeconds(1)).Count()).Max();
        var perSecond = ok.GroupBy(x => (int)(x.At - start).TotalSeconds).Select(g => g.Count()).ToList();
        // Per conversation in order, even with the 429s.
        foreach (var g in ok.GroupBy(x => x.Path))
            Assert.Equal(g.Select(x => x.Text), g.Select(x => x.Text).OrderBy(t => int.Parse(t!.Split(' ')[1])));
        Report($"teams outbox rate against the fake connector ({users * each} messages to {users} conversations, every 20th call 429 Retry-After 1, " +
               $"{throttled} throttled): all accepted once in {elapsed:0.0} s, {users * each / elapsed:0.0} msg/s overall, " +
               $"full seconds {string.Join("/", perSecond.Take(perSecond.Count - 1))}, busiest sliding second {busiest}");
        Assert.True(busiest <= 36, $"busiest second {busiest}");
    }
}
