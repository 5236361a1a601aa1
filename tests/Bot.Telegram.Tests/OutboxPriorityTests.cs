using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>
/// Issue 8 item 9: answers to people's questions go out before reminders and digests queued ahead of them, against the
/// fake Bot API (the order it received the sends in), within the same rates, and still after a restart.
/// </summary>
public sealed class OutboxPriorityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeBotApi _fake = null!;
    private BotUnderTest? _bot;

    public async Task InitializeAsync() => _fake = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private static bool IsReminder(ApiCall c) => c.Text?.StartsWith("Pengingat ") == true;

    [Fact]
    public async Task Answers_to_20_users_are_sent_before_the_500_reminders_still_waiting()
    {
        _bot = new BotUnderTest(BotUnderTest.Options_(_fake.Url));
        await _bot.StartAsync();
        var sender = new TelegramOutgoingSender(_bot.Store, _bot.Outbox);
        // Reminders go one by one, as the reminder runner sends them; 5 of the 20 who ask have one queued themselves.
        for (var i = 0; i < 500; i++)
        {
            var user = i < 5 ? 500 + i : 10_000 + i;
            var result = await sender.SendAsync(new Outgoing(TelegramOptions.Channel, user.ToString(), new Reply($"Pengingat {i}")));
            Assert.Equal(SendStatus.Queued, result.Status);
        }
        var remindersBefore = _fake.Succeeded("sendMessage").Count;
        Assert.True(remindersBefore < 300, $"{remindersBefore} reminders already sent while queueing: nothing left to overtake");

        var askers = Enumerable.Range(500, 20).Select(u => (long)u).ToList();
        foreach (var u in askers) _fake.QueueMessage(u, "/tugas kasi phi");
        await Loopback.WaitUntilAsync(() => _fake.Succeeded("sendMessage").Count(c => !IsReminder(c)) >= askers.Count, TimeSpan.FromSeconds(30),
            () => $"{askers.Count} answers; got {_fake.Succeeded("sendMessage").Count(c => !IsReminder(c))}");

        var sent = _fake.Succeeded("sendMessage").ToList();
        var answers = sent.Where(c => !IsReminder(c)).ToList();
        Assert.Equal(askers, answers.Select(a => a.ChatId!.Value).Order());
        Assert.All(answers, a => Assert.Contains("Tugas", a.Text));
        var lastAnswer = sent.IndexOf(answers[^1]);
        var overtaken = 500 - sent.Take(lastAnswer).Count(IsReminder);
        var between = sent.Take(lastAnswer).Count(IsReminder) - remindersBefore;
        output.WriteLine($"reminders sent before the questions: {remindersBefore}; between the questions and the last answer: {between}; " +
                         $"still waiting when the last answer went: {overtaken}");
        // Without priority the answers fall anywhere among the ~450 waiting reminders (the last one near the end).
        Assert.True(overtaken >= 250, $"only {overtaken} reminders were still waiting when the last answer went (between: {between})");

        // A chat's own order holds: its reminder, queued first, goes right before its answer, not after it.
        foreach (var u in askers.Take(5))
        {
            var chat = sent.Where(c => c.ChatId == u).ToList();
            Assert.Equal(2, chat.Count);
            Assert.True(IsReminder(chat[0]), $"chat {u}: the answer went before the reminder queued ahead of it");
        }
        var peak = Busiest(sent.Select(c => c.At).ToList());
        // Telegram's limit, as the fake server saw the requests arrive.
        Assert.True(peak <= 30, $"busiest sliding second {peak}");
    }

    [Fact]
    public async Task Queued_answers_keep_their_priority_over_reminders_across_a_restart()
    {
        // Start with the global rate near zero: everything stays queued, as when the bot stops during a burst.
        var options = BotUnderTest.Options_(_fake.Url);
        _bot = new BotUnderTest(options with { GlobalPerSecond = 0.001 });
        await _bot.StartAsync();
        var sender = new TelegramOutgoingSender(_bot.Store, _bot.Outbox);
        for (var i = 0; i < 200; i++)
            await sender.SendAsync(new Outgoing(TelegramOptions.Channel, (20_000 + i).ToString(), new Reply($"Pengingat {i}")));
        var askers = Enumerable.Range(600, 10).Select(u => (long)u).ToList();
        foreach (var u in askers) _fake.QueueMessage(u, "/tugas kasi phi");
        await Loopback.WaitUntilAsync(async () => await CountAsync(OutboxPriority.Interactive) >= askers.Count, TimeSpan.FromSeconds(20),
            () => "answers queued");
        await _bot.StopAsync();

        Assert.True(await CountAsync(OutboxPriority.Bulk) >= 199); // at most the one start-up slot went
        Assert.Equal(askers.Count, await CountAsync(OutboxPriority.Interactive));
        var before = _fake.Succeeded("sendMessage").Count;

        await _bot.RestartAsync(options);
        await Loopback.WaitUntilAsync(() => _fake.Succeeded("sendMessage").Count(c => !IsReminder(c)) >= askers.Count, TimeSpan.FromSeconds(20),
            () => "answers after the restart");
        var sent = _fake.Succeeded("sendMessage").Skip(before).ToList();
        var lastAnswer = sent.FindLastIndex(c => !IsReminder(c));
        var remindersFirst = sent.Take(lastAnswer).Count(IsReminder);
        output.WriteLine($"after the restart: {remindersFirst} reminders went before the last of {askers.Count} answers");
        // The rows are read oldest first, so the first reminders' workers may take the start-up burst; no more.
        Assert.True(remindersFirst <= 10, $"{remindersFirst} reminders went before the last answer");
    }

    private async Task<int> CountAsync(OutboxPriority priority)
    {
        await using var db = _bot!.Database.CreateDbContext();
        return await db.Set<OutboxMessage>().CountAsync(m => m.Channel == TelegramOptions.Channel && m.FailedAt == null && m.Priority == priority);
    }

    internal static int Busiest(List<DateTime> at)
    {
        at.Sort();
        return at.Count == 0 ? 0 : at.Select((t, k) => at.Skip(k).TakeWhile(x => x - t < TimeSpan.FromSeconds(1)).Count()).Max();
    }
}
