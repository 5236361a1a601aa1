using IkiBot.Data;
using System.Text;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Conversation;
using IkiBot.Knowledge.Answers;
using Microsoft.Extensions.Time.Testing;

namespace IkiBot.Bot.Telegram.Tests;

public class RenderingTests
{
    [Fact]
    public void Text_is_escaped_and_a_title_line_is_bold()
    {
        var html = TelegramRenderer.ToHtml("*Tugas <SEKSI> & co*\n1. a < b && c > d\n*bukan* judul\n🙏 \"kutip\"");
        Assert.Equal("<b>Tugas &lt;SEKSI&gt; &amp; co</b>\n1. a &lt; b &amp;&amp; c &gt; d\n*bukan* judul\n🙏 \"kutip\"", html);
    }

    [Fact]
    public void Long_text_is_split_after_whole_lines_within_the_limit()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"{i}. baris dengan isi yang cukup panjang untuk diuji ✓").ToList();
        var text = string.Join("\n", lines);
        var parts = TelegramRenderer.SplitLines(text, 4096);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        Assert.Equal(text, string.Join("\n", parts));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_at_a_space_or_between_characters_never_inside_an_emoji()
    {
        var spaced = string.Join(" ", Enumerable.Repeat("kata", 3000));
        Assert.All(TelegramRenderer.SplitLines(spaced, 4096), p => Assert.DoesNotContain("kat ", p + " "));
        var emoji = string.Concat(Enumerable.Repeat("😀", 5000)); // 10,000 UTF-16 units, no spaces
        var parts = TelegramRenderer.SplitLines(emoji, 4096);
        Assert.All(parts, p => { Assert.InRange(p.Length, 1, 4096); Assert.False(char.IsHighSurrogate(p[^1])); });
        Assert.Equal(emoji, string.Concat(parts));
    }

    [Fact]
    public void Choices_become_one_button_per_row_under_the_last_part_with_callback_data_within_64_bytes()
    {
        var renderer = new TelegramRenderer();
        var longPayload = "/tugas " + new string('é', 40);
        var sends = renderer.Render(new Reply(new string('x', 5000), [new Choice("Satu", "/pilih 1"), new Choice("Dua", longPayload)]));
        Assert.Equal(2, sends.Count);
        Assert.Null(sends[0].Send.Keyboard);
        var keyboard = sends[1].Send.Keyboard!;
        Assert.Equal(["Satu", "Dua"], keyboard.Select(r => r.Single().Text));
        Assert.Equal("/pilih 1", keyboard[0][0].Data);
        var stored = keyboard[1][0].Data;
        Assert.StartsWith("~", stored);
        Assert.True(Encoding.UTF8.GetByteCount(stored) <= 64);
        Assert.Equal(longPayload, renderer.StoredPayloads[stored]);
        Assert.Equal(stored, TelegramRenderer.StoredId(longPayload)); // same payload, same id, across restarts
    }

    [Fact]
    public void Files_become_photos_or_documents_and_a_long_text_goes_before_the_file()
    {
        var png = new ReplyFile("a.png", "image/png", [1]);
        var xlsx = new ReplyFile("a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [2]);
        var photo = Assert.Single(new TelegramRenderer().Render(new Reply("Grafik", [], png)));
        Assert.Equal((TelegramSend.Photo, "Grafik"), (photo.Send.Kind, photo.Send.Html));
        var doc = Assert.Single(new TelegramRenderer().Render(new Reply("", [], xlsx)));
        Assert.Equal(TelegramSend.Document, doc.Send.Kind);
        Assert.Null(doc.Send.Html);
        var both = new TelegramRenderer().Render(new Reply(new string('r', 2000), [], xlsx));
        Assert.Equal([TelegramSend.Text, TelegramSend.Document], both.Select(s => s.Send.Kind));
    }

    [Fact]
    public void The_outbox_payload_round_trips()
    {
        var send = new TelegramSend { Kind = TelegramSend.Text, Html = "<b>x</b>", Keyboard = [[new TelegramButton("a", "b")]], ReplyToMessageId = 3 };
        var back = TelegramSendJson.FromJson(send.ToJson());
        Assert.Equal(send.Html, back.Html);
        Assert.Equal(send.ReplyToMessageId, back.ReplyToMessageId);
        Assert.Equal("b", back.Keyboard![0][0].Data);
    }
}

public class OptionsTests
{
    private static IReadOnlyList<string> Check(string? token, string? webhook = null, string? secret = null, string? baseUrl = null) =>
        TelegramOptions.From(new BotSettings { TelegramToken = token, TelegramWebhookUrl = webhook, TelegramSecretToken = secret, TelegramBaseUrl = baseUrl }).Validate();

    [Fact]
    public void Good_settings_pass() =>
        Assert.Empty(Check("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "https://bot.example.go.id/tg", "abc_DEF-1", "http://127.0.0.1:8081"));

    [Theory]
    [InlineData("abc")]
    [InlineData("123456789")]
    [InlineData("123456789:")]
    [InlineData(" 123456789:abc")]
    [InlineData("123456789:abc def")]
    [InlineData("\"123456789:abc\"")]
    public void A_malformed_token_is_named_with_its_expected_shape(string token)
    {
        var error = Assert.Single(Check(token));
        Assert.Contains("Telegram:Token", error);
        Assert.Contains("<angka>:<kode>", error);
    }

    [Fact]
    public void A_webhook_needs_https_and_a_secret()
    {
        var errors = Check("1:a", "http://bot.example.go.id/tg");
        Assert.Contains(errors, e => e.Contains("Telegram:WebhookUrl harus https"));
        Assert.Contains(errors, e => e.Contains("Telegram:SecretToken wajib"));
        Assert.Contains(Check("1:a", "https://bot.example.go.id:9000/tg", "s"), e => e.Contains("port 9000"));
        Assert.Contains(Check("1:a", "bukan url", "s"), e => e.Contains("bukan alamat lengkap"));
        Assert.Contains(Check("1:a", "https://x.example/tg", "rahasia!"), e => e.Contains("Telegram:SecretToken hanya boleh"));
        Assert.Contains(Check("1:a", baseUrl: "ftp://x"), e => e.Contains("Telegram:BaseUrl"));
    }
}

public class PacerTests
{
    [Fact]
    public async Task One_chat_gets_a_short_burst_then_one_message_per_second()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SendPacer(clock, perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 30);
        for (var i = 0; i < 3; i++) await pacer.WaitAsync("a", default);
        var fourth = pacer.WaitAsync("a", default);
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(990));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(20));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(pacer.WaitAsync("b", default).IsCompleted); // another chat is not held back
    }

    [Fact]
    public async Task All_chats_together_keep_to_the_global_rate()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SendPacer(clock, perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 30);
        var passed = 0;
        for (var step = 0; step < 100; step++) // one simulated second in 10 ms steps, a new chat asking each step
        {
            for (var i = 0; i < 5; i++)
            {
                using var giveUp = new CancellationTokenSource();
                var wait = pacer.WaitAsync($"chat{step}-{i}", giveUp.Token);
                if (wait.IsCompletedSuccessfully) passed++;
                else giveUp.Cancel(); // not waiting: only what passes at once counts
            }
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        Assert.InRange(passed, 28, 30); // at most 30 in the second, although 500 asked
    }

    /// <summary>Issue 8 item 9: whatever the demand, no sliding second holds more than 30 sends.</summary>
    [Theory]
    [InlineData(1)]
    public async Task No_sliding_second_ever_holds_more_than_30_sends(int seed)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SendPacer(clock, perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 30);
        var random = new Random(seed);
        var sent = new List<DateTimeOffset>();
        for (var step = 0; step < 3000; step++) // 30 simulated seconds in 10 ms steps, bursts of demand
        {
            var asking = random.Next(10) == 0 ? random.Next(20, 60) : random.Next(0, 3);
            for (var i = 0; i < asking; i++)
            {
                using var giveUp = new CancellationTokenSource();
                var wait = pacer.WaitAsync($"chat{random.Next(1000)}", giveUp.Token);
                if (wait.IsCompletedSuccessfully) sent.Add(clock.GetUtcNow());
                else giveUp.Cancel();
            }
            clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        var busiest = sent.Select(t => sent.Count(u => u >= t && u < t + TimeSpan.FromSeconds(1))).Max();
        Assert.InRange(busiest, 25, 30);
        // The pacer still gives what its window allows (30 per 1.2 s = 25/s), less a little at the start.
        var allowed = 30 / SendPacer.Window.TotalSeconds * 30;
        Assert.True(sent.Count >= allowed * 0.95, $"only {sent.Count} sent in 30 s");
    }

    /// <summary>
    /// Issue 13: a send keeps its slot until its answer came back, plus one second. Thirty sends granted at once that
    /// leave 1.5 s late (a starved process) and are answered then: the next ones wait for those answers, so the
    /// platform never sees more than 30 in one second; a send that hangs holds only its own slot.
    /// </summary>
    [Fact]
    public async Task A_send_holds_its_slot_until_answered_so_late_sends_do_not_bunch_past_30()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SendPacer(clock, perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 30);
        var slots = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            var take = pacer.TakeAsync($"c{i}", OutboxPriority.Bulk, i, default);
            while (!take.IsCompleted) clock.Advance(TimeSpan.FromMilliseconds(10));
            slots.Add(await take);
        }
        var next = pacer.TakeAsync("late", OutboxPriority.Bulk, 100, default);
        clock.Advance(TimeSpan.FromSeconds(5)); // nothing answered yet: by the grant times this would be long free
        Assert.False(next.IsCompleted);

        foreach (var slot in slots.Skip(1)) pacer.Release(slot); // all but one answered now
        clock.Advance(TimeSpan.FromMilliseconds(990));
        Assert.False(next.IsCompleted); // a second after the answers, not after the grants
        clock.Advance(TimeSpan.FromMilliseconds(20));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        // The unanswered send (slots[0]) still holds its slot; the other 29 freed theirs.
        for (var i = 0; i < 28; i++)
        {
            var take = pacer.TakeAsync($"d{i}", OutboxPriority.Bulk, 200 + i, default);
            while (!take.IsCompleted) clock.Advance(TimeSpan.FromMilliseconds(10));
        }
        var thirtyFirst = pacer.TakeAsync("e", OutboxPriority.Bulk, 300, default);
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(thirtyFirst.IsCompleted);
        pacer.Release(slots[0]);
        clock.Advance(TimeSpan.FromSeconds(1.01));
        await thirtyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>Issue 8 item 9: a person waiting for an answer is served before reminders already queued.</summary>
    [Fact]
    public async Task Free_slots_go_to_answers_before_reminders_oldest_answer_first()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SendPacer(clock, perChatPerSecond: 1, perChatBurst: 3, globalPerSecond: 30);
        var waits = new List<(string Name, Task Wait)>();
        for (var i = 0; i < 60; i++) waits.Add(($"pengingat{i}", pacer.WaitAsync($"r{i}", OutboxPriority.Bulk, i + 1, default)));
        var granted = await StepAsync(clock, pacer, waits, steps: 20); // 100 ms: the burst and a few more reminders
        Assert.All(granted, g => Assert.StartsWith("pengingat", g));
        var remindersBefore = granted.Count;

        // Three answers queue after the reminders; the one for the older row (lower id) goes first although it came last.
        waits.Add(("jawaban-b", pacer.WaitAsync("u2", OutboxPriority.Interactive, 900, default)));
        pacer.Pause("u3", TimeSpan.FromSeconds(1)); // a chat held by a 429 does not hold anyone else
        waits.Add(("jawaban-tertahan", pacer.WaitAsync("u3", OutboxPriority.Interactive, 100, default)));
        waits.Add(("jawaban-a", pacer.WaitAsync("u1", OutboxPriority.Interactive, 800, default)));
        granted.AddRange(await StepAsync(clock, pacer, waits, steps: 40, already: granted));
        var next = granted.Skip(remindersBefore).ToList();
        Assert.Equal(["jawaban-a", "jawaban-b"], next.Take(2));
        Assert.DoesNotContain("jawaban-tertahan", next); // paused for 1 s; reminders went on meanwhile
        Assert.Contains(next.Skip(2), g => g.StartsWith("pengingat"));

        // A reminder whose chat now has an answer queued behind it goes as that answer: before the other reminders.
        pacer.Promote("r59", 950);
        granted.AddRange(await StepAsync(clock, pacer, waits, steps: 10, already: granted));
        var promoted = granted.IndexOf("pengingat59");
        Assert.True(promoted >= 0, "the promoted reminder was not sent");
        Assert.DoesNotContain(granted.Skip(granted.IndexOf(next[^1]) + 1).TakeWhile(g => g != "pengingat59"), g => g.StartsWith("pengingat"));

        granted.AddRange(await StepAsync(clock, pacer, waits, steps: 300, already: granted)); // past the pause
        var held = granted.IndexOf("jawaban-tertahan");
        Assert.True(held > granted.IndexOf("jawaban-b"));
        Assert.True(held < granted.Count - 5, "the paused answer did not go first once its pause ended");
    }

    /// <summary>
    /// Advances the simulated clock in 5 ms steps and returns the names granted, in the order they were (a step that
    /// grants several, when the sliding window opens for the start-up burst, lists them in the order they asked).
    /// </summary>
    private static async Task<List<string>> StepAsync(FakeTimeProvider clock, SendPacer pacer, List<(string Name, Task Wait)> waits,
        int steps, List<string>? already = null)
    {
        var seen = new HashSet<string>(already ?? []);
        var granted = new List<string>();
        for (var step = 0; step <= steps; step++)
        {
            if (step > 0) clock.Advance(TimeSpan.FromMilliseconds(5));
            var expected = waits.Count - pacer.Waiting; // granted synchronously; the tasks complete a moment later
            var give = DateTime.UtcNow.AddSeconds(5);
            while (waits.Count(w => w.Wait.IsCompleted) < expected && DateTime.UtcNow < give) await Task.Delay(1);
            var now = waits.Where(w => w.Wait.IsCompletedSuccessfully && seen.Add(w.Name)).Select(w => w.Name).ToList();
            granted.AddRange(now);
        }
        return granted;
    }

    [Fact]
    public async Task A_pause_holds_the_chat_for_the_retry_after()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new SendPacer(clock);
        pacer.Pause("a", TimeSpan.FromSeconds(7));
        var wait = pacer.WaitAsync("a", default);
        clock.Advance(TimeSpan.FromSeconds(6.9));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1.2));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
