using System.Text.Json.Nodes;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Conversation;
using IkiBot.Bot.Telegram.Tests.Harness;
using IkiBot.Data;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>What the emulator cannot do, against a fake Bot API of our own on 127.0.0.1: 429, 5xx, timeouts, files, refusals.</summary>
public sealed class FakeServerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeBotApi _fake = null!;
    private BotUnderTest? _bot;

    public async Task InitializeAsync() => _fake = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            output.WriteLine(_bot.LogText);
            await _bot.DisposeAsync();
        }
        await _fake.DisposeAsync();
    }

    private async Task<BotUnderTest> StartBotAsync(Func<TelegramOptions, TelegramOptions>? tune = null,
        Func<Knowledge.IkiKnowledge, ConversationEngine>? engine = null)
    {
        var options = BotUnderTest.Options_(_fake.Url) with
        {
            SendRetryBaseDelay = TimeSpan.FromMilliseconds(100),
            SendRoundPause = TimeSpan.FromMilliseconds(300),
            MaxSendRounds = 2,
        };
        _bot = new BotUnderTest(tune is null ? options : tune(options), engine);
        await _bot.StartAsync();
        return _bot;
    }

    private Task WaitSentAsync(string method, int count, int seconds = 10) =>
        Loopback.WaitUntilAsync(() => _fake.Succeeded(method).Count >= count, TimeSpan.FromSeconds(seconds),
            () => $"{count} {method} accepted; calls: {string.Join(", ", _fake.Calls.Select(c => $"{c.Call.Method}={c.Status}"))}");

    [Fact]
    public async Task A_429_is_waited_out_for_its_retry_after_and_the_message_goes_once()
    {
        var n = 0;
        _fake.Fault = c => c.Method == "sendMessage" && Interlocked.Increment(ref n) == 1 ? FakeFault.TooManyRequests(1) : null;
        await StartBotAsync();
        _fake.QueueMessage(11, "/tugas kasi phi");
        await WaitSentAsync("sendMessage", 1);
        await Task.Delay(500);

        var sends = _fake.Calls.Where(c => c.Call.Method == "sendMessage").ToList();
        Assert.Equal([429, 200], sends.Select(s => s.Status));
        Assert.True(sends[1].Call.At - sends[0].Call.At >= TimeSpan.FromSeconds(0.95), $"retried after {(sends[1].Call.At - sends[0].Call.At).TotalSeconds:0.00} s");
        Assert.Empty(await _bot!.Store.PendingAsync(TelegramOptions.Channel, 0));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_the_message_goes()
    {
        var n = 0;
        _fake.Fault = c => c.Method == "sendMessage" && Interlocked.Increment(ref n) <= 2 ? FakeFault.ServerError() : null;
        await StartBotAsync();
        _fake.QueueMessage(12, "/tugas kasi phi");
        await WaitSentAsync("sendMessage", 1);
        await Task.Delay(300);
        Assert.Equal([502, 502, 200], _fake.Calls.Where(c => c.Call.Method == "sendMessage").Select(c => c.Status));
        Assert.Empty(await _bot!.Store.PendingAsync(TelegramOptions.Channel, 0));
    }

    [Fact]
    public async Task A_send_that_hangs_is_timed_out_and_tried_again()
    {
        var n = 0;
        _fake.Fault = c => c.Method == "sendMessage" && Interlocked.Increment(ref n) == 1 ? FakeFault.Hang(TimeSpan.FromSeconds(5)) : null;
        await StartBotAsync(o => o with { SendTimeout = TimeSpan.FromSeconds(1) });
        _fake.QueueMessage(13, "/tugas kasi phi");
        await WaitSentAsync("sendMessage", 1);
        Assert.Single(_fake.Succeeded("sendMessage"));
        Assert.Contains("TimeoutRejectedException", _bot!.LogText);
    }

    [Fact]
    public async Task A_stop_while_Telegram_is_still_answering_a_send_does_not_send_it_again_after_the_restart()
    {
        _fake.Fault = c => c.Method == "sendMessage" ? FakeFault.AnsweredLate(TimeSpan.FromSeconds(1.5)) : null;
        var bot = await StartBotAsync();
        _fake.QueueMessage(14, "/tugas kasi phi");
        await WaitSentAsync("sendMessage", 1); // delivered; the bot still waits for Telegram's answer
        await bot.StopAsync();
        _fake.Fault = null;

        await bot.RestartAsync();
        await Task.Delay(1500);
        Assert.Single(_fake.Succeeded("sendMessage"));
        Assert.Empty(await bot.Store.PendingAsync(TelegramOptions.Channel, 0));
    }

    [Fact]
    public async Task An_unreadable_outbox_row_is_kept_as_failed_and_the_next_answer_still_goes()
    {
        var bot = await StartBotAsync();
        long id;
        await using (var db = bot.Database.CreateDbContext())
        {
            var row = new OutboxMessage { Channel = TelegramOptions.Channel, ChatId = "15", Payload = "{bukan json", CreatedAt = DateTimeOffset.UtcNow };
            db.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }
        bot.Outbox.Wake();
        _fake.QueueMessage(16, "/tugas kasi phi");
        await WaitSentAsync("sendMessage", 1);

        Assert.Equal(16, _fake.Succeeded("sendMessage").Single().ChatId);
        var failed = Assert.Single(await bot.Store.FailedAsync(TelegramOptions.Channel));
        Assert.Equal(id, failed.Id);
        Assert.StartsWith("payload:", failed.LastError);
    }

    [Fact]
    public async Task A_refusal_is_kept_as_failed_and_other_chats_go_on()
    {
        _fake.Fault = c => c.Method == "sendMessage" && c.ChatId == 14 ? FakeFault.Forbidden() : null;
        await StartBotAsync();
        _fake.QueueMessage(14, "/tugas kasi phi");
        _fake.QueueMessage(15, "/tugas kasi phi");
        await WaitSentAsync("sendMessage", 1);
        await Loopback.WaitUntilAsync(async () => (await _bot!.Store.FailedAsync(TelegramOptions.Channel)).Count == 1,
            TimeSpan.FromSeconds(5), () => "the refused message marked failed");
        var failed = Assert.Single(await _bot!.Store.FailedAsync(TelegramOptions.Channel));
        Assert.Equal("14", failed.ChatId);
        Assert.Contains("403", failed.LastError);
        Assert.Equal(15, _fake.Succeeded("sendMessage").Single().ChatId);
        Assert.Single(_fake.All("sendMessage"), c => c.ChatId == 14); // a 403 is not retried
    }

    [Fact]
    public async Task Files_go_as_a_photo_or_a_document_with_their_bytes_and_name()
    {
        var bot = await StartBotAsync();
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var xlsx = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        var renderer = new TelegramRenderer();
        var drafts = renderer.Render(new Reply("*Grafik* capaian", [], new ReplyFile("capaian.png", "image/png", png)))
            .Concat(renderer.Render(new Reply("Rekap <November> & Desember", [], new ReplyFile("rekap.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))))
            .Select(r => new OutboxDraft("16", r.Send.ToJson(), r.File)).ToList();
        Assert.True(await bot.Store.CommitAsync(TelegramOptions.Channel, "files-1", null, drafts));
        bot.Outbox.Wake();

        await WaitSentAsync("sendDocument", 1);
        var photo = Assert.Single(_fake.Succeeded("sendPhoto"));
        Assert.Equal("capaian.png", photo.FileName);
        Assert.Equal(png, photo.File);
        Assert.Equal("*Grafik* capaian", photo.Body["caption"]!.ToString()); // not a whole "*title*" line: kept as typed
        var document = Assert.Single(_fake.Succeeded("sendDocument"));
        Assert.Equal("rekap.xlsx", document.FileName);
        Assert.Equal(xlsx, document.File);
        Assert.Equal("Rekap &lt;November&gt; &amp; Desember", document.Body["caption"]!.ToString());
        Assert.Equal("16", document.Body["chat_id"]!.ToString());
    }

    [Fact]
    public async Task An_unreadable_update_is_skipped_alone_and_the_loop_goes_on()
    {
        _fake.QueueMessage(17, "/tugas kasi phi");
        var bad = _fake.NextUpdateId();
        _fake.QueueRaw(new JsonObject { ["update_id"] = bad, ["message"] = "this is not a message", ["callback_query"] = 42 });
        var last = _fake.QueueMessage(17, "/fungsi kasi phi");
        var bot = await StartBotAsync();

        await WaitSentAsync("sendMessage", 2);
        await Task.Delay(300);
        var texts = _fake.Succeeded("sendMessage").Select(c => c.Text!).ToList();
        Assert.Equal(2, texts.Count);
        Assert.Contains("Tugas", texts[0]);
        Assert.Contains("Fungsi", texts[1]);
        Assert.Equal(last, await bot.Store.GetCursorAsync(TelegramOptions.Channel));
        Assert.True(await bot.Store.IsHandledAsync(TelegramOptions.Channel, bad.ToString()));
    }

    [Fact]
    public async Task A_rejected_token_stops_the_start_with_a_clear_message()
    {
        _fake.Fault = c => c.Method == "getMe" ? new FakeFault(401, """{"ok":false,"error_code":401,"description":"Unauthorized"}""", TimeSpan.Zero) : null;
        var bot = new BotUnderTest(BotUnderTest.Options_(_fake.Url));
        await using (bot)
        {
            var e = await Assert.ThrowsAsync<TelegramStartupException>(bot.StartAsync);
            Assert.Contains("Telegram menolak token bot (401", e.Message);
            Assert.Contains("Telegram:Token", e.Message);
        }
    }

    [Fact]
    public async Task A_pressed_button_with_a_long_payload_comes_back_through_its_stored_id()
    {
        var bot = await StartBotAsync();
        var payload = "/tugas " + new string('a', 80) + " SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL";
        var renderer = new TelegramRenderer();
        var send = renderer.Render(new Reply("Pilih:", [new Knowledge.Answers.Choice("Kasi PHI", payload)])).Single().Send;
        var data = send.Keyboard![0][0].Data;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(data) <= 64);
        Assert.True(await bot.Store.CommitAsync(TelegramOptions.Channel, "menu-1", null,
            [new OutboxDraft("18", send.ToJson())], renderer.StoredPayloads));

        var id = _fake.NextUpdateId();
        _fake.QueueRaw(new JsonObject
        {
            ["update_id"] = id,
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb-1", ["chat_instance"] = "ci", ["data"] = data,
                ["from"] = new JsonObject { ["id"] = 18, ["is_bot"] = false, ["first_name"] = "Rina" },
                ["message"] = new JsonObject
                {
                    ["message_id"] = 77, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                    ["chat"] = new JsonObject { ["id"] = 18, ["type"] = "private" }, ["text"] = "Pilih:",
                },
            },
        });
        await Loopback.WaitUntilAsync(() => _fake.Succeeded("sendMessage").Any(c => c.Text!.Contains("PERSELISIHAN")), TimeSpan.FromSeconds(10),
            () => "the answer to the long payload");
        Assert.Equal("cb-1", _fake.Succeeded("answerCallbackQuery").Single().Body["callback_query_id"]!.ToString());
        await WaitSentAsync("editMessageReplyMarkup", 1);
        Assert.Equal(77, _fake.Succeeded("editMessageReplyMarkup").Single().Body["message_id"]!.GetValue<int>());
    }

    /// <summary>A desk that throws on one kind of message, as a bug in the conversation would.</summary>
    private sealed class ExplodingDesk : IReportDesk
    {
        public int Calls;
        public Task<TurnResult> StartAsync(Incoming message, string welcome, CancellationToken ct) => Task.FromResult(new TurnResult(new Reply(welcome)));
        public Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct)
        {
            if (!text.Contains("meledak")) return Task.FromResult(false);
            Interlocked.Increment(ref Calls);
            throw new InvalidOperationException("boom");
        }
        public Task<TurnResult?> HandleReportAsync(Incoming message, string text, CancellationToken ct) => Task.FromResult<TurnResult?>(null);
        public Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct) => Task.FromResult<TurnResult?>(null);
    }

    [Fact]
    public async Task An_update_the_conversation_fails_on_gets_an_apology_and_the_next_is_answered()
    {
        var desk = new ExplodingDesk();
        _fake.QueueMessage(19, "laporan meledak 5");
        _fake.QueueMessage(19, "/tugas kasi phi");
        await StartBotAsync(engine: k => new ConversationEngine(k, desk));
        await WaitSentAsync("sendMessage", 2);
        var texts = _fake.Succeeded("sendMessage").Select(c => c.Text!).ToList();
        Assert.Equal(TelegramUpdateHandler.ApologyReply, texts[0]);
        Assert.Contains("Tugas", texts[1]);
        Assert.Equal(3, desk.Calls); // tried HandleAttempts times, then the user is told
    }
}
