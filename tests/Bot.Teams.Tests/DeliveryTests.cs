using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Teams.Tests.Harness;
using IkiBot.Data;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>Replies through the outbox against a fake connector: routing, what counts as sent, 413, 429, 5xx, timeouts, restarts.</summary>
public class DeliveryTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TeamsBot _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = await new TeamsBot(TeamsBot.Anonymous()).StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static bool IsReply(ConnectorCall c) => c.Method == "POST" && c.Type == "message";

    [Fact]
    public async Task A_reply_goes_to_the_service_url_and_conversation_it_came_from_with_encoded_ids()
    {
        var a = Activities.Message(_connector.Url + "/emea/", "apa tugas seksi PHI?", user: "budi", id: "1:2|x");
        var b = Activities.Message(_connector.Url + "/amer", "indikator kasubag keuangan", user: "sari");
        Assert.Equal(200, (await _bot.PostAsync(a)).Status);
        Assert.Equal(200, (await _bot.PostAsync(b)).Status);
        var calls = await _connector.WaitForAsync(c => c.Any(x => IsReply(x) && x.Path.StartsWith("/emea/")) && c.Any(x => IsReply(x) && x.Path.StartsWith("/amer/")));
        await Task.Delay(300);
        calls = _connector.Calls.ToList();
        var toBudi = calls.Where(IsReply).First(c => c.Path.StartsWith("/emea/"));
        Assert.Equal("/emea/v3/conversations/a%3A1budi/activities/1%3A2%7Cx", toBudi.Path);
        Assert.Equal("29:1budi", toBudi.Body!["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal($"28:{TeamsBot.AppId}", toBudi.Body!["from"]!["id"]!.GetValue<string>());
        Assert.Equal("1:2|x", toBudi.Body!["replyToId"]!.GetValue<string>());
        Assert.StartsWith("**Tugas SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL**", toBudi.Text);
        var toSari = calls.Where(IsReply).First(c => c.Path.StartsWith("/amer/"));
        Assert.All(calls.Where(IsReply), c => Assert.Equal(c.Path.StartsWith("/emea/") ? "29:1budi" : "29:1sari", c.Body!["recipient"]!["id"]!.GetValue<string>()));
        Assert.StartsWith("/amer/v3/conversations/a%3A1sari/activities/", toSari.Path);
        Assert.Null(toBudi.Authorization); // anonymous mode sends no token
        Assert.Contains(calls, c => c.Type == "typing");
    }

    [Theory]
    [InlineData(201, "")]
    [InlineData(202, "")]
    [InlineData(200, "{}")]
    public async Task An_answer_without_id_counts_as_sent(int status, string body)
    {
        _connector.Respond = (_, method, _) => method == "POST" ? (status, null, body) : null;
        await _bot.PostAsync(Activities.Message(_connector.Url, "daftar jabatan"));
        await _connector.WaitForAsync(c => c.Any(IsReply));
        await WaitEmptyAsync();
        Assert.Single(_connector.Calls, IsReply);
        Assert.Empty(await _bot.Get<ChannelDeliveryStore>().FailedAsync("teams"));
    }

    [Fact]
    public async Task A_413_is_permanent_never_retried_and_kept_as_failed()
    {
        _connector.Respond = (_, method, _) => method == "POST" ? (413, null, "<html>too large</html>") : null;
        await _bot.PostAsync(Activities.Message(_connector.Url, "daftar jabatan"));
        await _connector.WaitForAsync(c => c.Any(x => x.Status == 413 && x.Type == "message"));
        await Task.Delay(700);
        Assert.Single(_connector.Calls, c => c.Type == "message");
        var failed = Assert.Single(await _bot.Get<ChannelDeliveryStore>().FailedAsync("teams"));
        Assert.Contains("413", failed.LastError);
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_and_5xx_and_timeouts_are_retried()
    {
        // The reply to m-1 (typing goes to .../activities without a reply id): 429 Retry-After 1, then 503, then accepted.
        var order = 0;
        _connector.Respond = (_, _, path) =>
        {
            if (!path.EndsWith("/activities/m-1")) return null;
            return Interlocked.Increment(ref order) switch { 1 => (429, 1, "{}"), 2 => (503, null, "{}"), _ => null };
        };
        await _bot.PostAsync(Activities.Message(_connector.Url, "daftar jabatan", id: "m-1"));
        var calls = await _connector.WaitForAsync(c => c.Any(x => x.Path.EndsWith("/activities/m-1") && x.Status == 201), 15000);
        var tries = calls.Where(x => x.Path.EndsWith("/activities/m-1")).ToList();
        Assert.Equal([429, 503, 201], tries.Select(t => t.Status));
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromMilliseconds(950), $"waited {(tries[1].At - tries[0].At).TotalMilliseconds} ms after 429");
        await WaitEmptyAsync();
    }

    [Fact]
    public async Task A_stalled_connector_call_times_out_and_is_tried_again()
    {
        var stalls = 0;
        _connector.Delay = _ => Interlocked.Increment(ref stalls) == 1 ? TimeSpan.FromSeconds(3) : TimeSpan.Zero;
        _connector.Respond = (_, _, _) => null;
        // Typing is sent first and may take the stall; post a proactive message so the only call is the outbox's.
        var sender = _bot.Get<TeamsOutgoingSender>();
        await _bot.Get<TeamsConversationStore>().SaveAsync(new TeamsConversation
        {
            UserKey = "aad-1", TeamsUserId = "29:1x", ServiceUrl = _connector.Url, ConversationId = "a:1x", BotId = "28:b",
        });
        var result = await sender.SendAsync(new Conversation.Outgoing("teams", "aad-1", new Conversation.Reply("Pengingat")));
        Assert.Equal(Conversation.SendStatus.Queued, result.Status);
        var calls = await _connector.WaitForAsync(c => c.Count(x => x.Text == "Pengingat") >= 2, 15000);
        Assert.Equal(2, calls.Count(x => x.Text == "Pengingat")); // the stalled one (answered too late) and the retry
        await WaitEmptyAsync();
    }

    [Fact]
    public async Task Rows_left_undelivered_at_a_stop_are_sent_after_the_restart()
    {
        _connector.Respond = (_, method, _) => method == "POST" ? (500, null, "{}") : null;
        await _bot.PostAsync(Activities.Message(_connector.Url, "daftar jabatan", id: "r-1"));
        await _connector.WaitForAsync(c => c.Count(x => x.Path.EndsWith("/r-1")) >= 2);
        await _bot.StopAsync();
        Assert.True(await CountRowsAsync(_bot) >= 1);
        _connector.Respond = (_, _, _) => null;
        var before = _connector.Calls.Count(c => c.Path.EndsWith("/r-1") && c.Status == 201);
        await _bot.StartAsync();
        var calls = await _connector.WaitForAsync(c => c.Count(x => x.Path.EndsWith("/r-1") && x.Status == 201) > before, 15000);
        Assert.Equal(1, calls.Count(x => x.Path.EndsWith("/r-1") && x.Status == 201));
        await WaitEmptyAsync();
    }

    [Fact]
    public async Task The_same_activity_delivered_twice_is_handled_once()
    {
        var a = Activities.Message(_connector.Url, "daftar jabatan", id: "dup-1");
        await Task.WhenAll(_bot.PostAsync(a), _bot.PostAsync(a));
        await _bot.PostAsync(a);
        await _connector.WaitForAsync(c => c.Any(x => x.Path.EndsWith("/dup-1")));
        await WaitEmptyAsync();
        await Task.Delay(300);
        Assert.Single(_connector.Calls, x => x.Path.EndsWith("/dup-1"));
    }

    /// <summary>Issue 8 item 9: answers go before the reminders queued ahead of them, in the order the connector got them.</summary>
    [Fact]
    public async Task Answers_are_sent_before_the_reminders_still_waiting()
    {
        // Telegram's pace (the harness's own is fast, so the reminders would be gone before any question came).
        await using var bot = await new TeamsBot(TeamsBot.Anonymous() with { GlobalPerSecond = 30, PerConversationPerSecond = 1, PerConversationBurst = 3 }).StartAsync();
        var sender = bot.Get<TeamsOutgoingSender>();
        var conversations = bot.Get<TeamsConversationStore>();
        for (var i = 0; i < 200; i++)
            await conversations.SaveAsync(new TeamsConversation
            {
                UserKey = $"aad-p{i}", TeamsUserId = $"29:p{i}", ServiceUrl = _connector.Url, ConversationId = $"a:p{i}", BotId = "28:b",
            });
        // Queued all at once: one by one on a loaded machine, the outbox (30/s) drains them about as fast as they come.
        var queued = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            sender.SendAsync(new Conversation.Outgoing("teams", $"aad-p{i}", new Conversation.Reply($"Pengingat {i}")))));
        Assert.All(queued, r => Assert.Equal(Conversation.SendStatus.Queued, r.Status));
        static bool IsReminder(ConnectorCall c) => c.Text?.StartsWith("Pengingat ") == true;
        var before = _connector.Calls.Count(c => IsReply(c) && c.Status == 201 && IsReminder(c));
        Assert.True(before < 120, $"{before} reminders already sent while queueing");

        for (var u = 0; u < 10; u++)
            Assert.Equal(200, (await bot.PostAsync(Activities.Message(_connector.Url, "daftar jabatan", user: $"tanya{u}", id: $"q-{u}"))).Status);
        var asked = _connector.Calls.Count(c => IsReply(c) && c.Status == 201 && IsReminder(c)); // all 10 answers are queued now
        var calls = await _connector.WaitForAsync(c => Enumerable.Range(0, 10).All(u => c.Any(x => x.Path.EndsWith($"/q-{u}") && x.Status == 201)), 20000);

        var sent = calls.Where(c => IsReply(c) && c.Status == 201).ToList();
        var lastAnswer = sent.FindLastIndex(c => c.Path.Contains("/activities/q-"));
        var between = sent.Take(lastAnswer).Count(IsReminder) - asked;
        // Without priority the answers wait behind (or fall among) the reminders still queued: over 50 of them.
        Assert.True(between <= 15, $"{between} reminders went between the last question and the last answer ({asked} before)");
        Assert.True(200 - asked - between >= 50, "too few reminders were left waiting for the check to mean anything");
    }

    private async Task WaitEmptyAsync()
    {
        for (var i = 0; i < 200 && await CountRowsAsync(_bot) > 0; i++) await Task.Delay(25);
    }

    private static async Task<int> CountRowsAsync(TeamsBot bot)
    {
        await using var db = bot.Services.Database.CreateDbContext();
        return db.Set<OutboxMessage>().Count(m => m.Channel == "teams" && m.FailedAt == null);
    }
}
