using System.Text;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Telegram.Tests.Harness;
using Xunit.Abstractions;

namespace IkiBot.Bot.Telegram.Tests;

/// <summary>
/// The real Telegram.Bot client and host against telegram-test-api 4.2.1 on 127.0.0.1 (through the proxy that gives
/// it the real Bot API's offset, timeout and date behaviour). Each test has its own bot token, database and users.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class EmulatorEndToEndTests(EmulatorFixture emu, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(1500);
    private BotUnderTest _bot = null!;
    private string Token => _bot.Options.Token;

    public async Task InitializeAsync()
    {
        _bot = new BotUnderTest(BotUnderTest.Options_(emu.Proxy.Url));
        await _bot.StartAsync();
    }

    public async Task DisposeAsync()
    {
        output.WriteLine(_bot.LogText);
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Start_registers_the_menu_and_greets_in_html()
    {
        var menu = emu.Proxy.Calls(Token, "setMyCommands").Single();
        var commands = menu.Body["commands"]!.AsArray().Select(c => (c!["command"]!.ToString(), c["description"]!.ToString())).ToList();
        Assert.Contains(commands, c => c.Item1 == "tugas" && c.Item2.Contains("jabatan"));
        Assert.Contains(commands, c => c.Item1 == "bantuan");
        Assert.All(commands, c => Assert.Matches("^[a-z0-9_]{1,32}$", c.Item1));
        Assert.Single(emu.Proxy.Calls(Token, "deleteWebhook"));

        var user = emu.User(Token, 501);
        await user.SendAsync("/start");
        var reply = Assert.Single(await user.WaitForAsync(1));
        Assert.Equal("html", reply.ParseMode, ignoreCase: true);
        Assert.StartsWith("<b>Selamat datang di IkiBot</b>\n", reply.Text);
        Assert.Contains("Ketik /bantuan", reply.Text);
        Assert.Contains(emu.Proxy.Calls(Token, "sendChatAction"), c => c.ChatId == 501 && c.Body["action"]?.ToString() == "typing");
    }

    [Fact]
    public async Task A_question_gets_its_answer_once()
    {
        var user = emu.User(Token, 502);
        await user.SendAsync("apa tugas seksi PHI?");
        var reply = Assert.Single(await user.WaitForAsync(1));
        Assert.Contains("SEKSI PENYELESAIAN PERSELISIHAN HUBUNGAN INDUSTRIAL", reply.Text);
        await Task.Delay(Settle);
        Assert.Single(await user.MessagesAsync());
    }

    [Fact]
    public async Task A_clarification_is_answered_by_a_button_whose_keyboard_then_goes()
    {
        var user = emu.User(Token, 503);
        await user.SendAsync("seksi penempatan");
        var ask = Assert.Single(await user.WaitForAsync(1));
        Assert.StartsWith("Maksud Anda", ask.Text);
        Assert.True(ask.Buttons.Count >= 2, ask.ToString());
        Assert.All(ask.Buttons, b => Assert.InRange(Encoding.UTF8.GetByteCount(b.Data), 1, 64));

        var choice = ask.Buttons[1];
        await user.PressAsync(ask, choice.Data);
        var messages = await user.WaitForAsync(2);
        Assert.Contains("Tugas SEKSI PENEMPATAN TENAGA KERJA DALAM NEGERI", messages[1].Text);

        await Loopback.WaitUntilAsync(() => emu.Proxy.Calls(Token, "editMessageReplyMarkup").Count == 1, TimeSpan.FromSeconds(5),
            () => "the pressed keyboard removed");
        var edit = emu.Proxy.Calls(Token, "editMessageReplyMarkup").Single();
        Assert.Equal(ask.MessageId, edit.Body["message_id"]!.GetValue<int>());
        Assert.Null(edit.Body["reply_markup"]?["inline_keyboard"]?.AsArray().FirstOrDefault());
        Assert.Single(emu.Proxy.Calls(Token, "answerCallbackQuery"));
    }

    [Fact]
    public async Task Hostile_and_odd_input_each_gets_one_sensible_reply()
    {
        var user = emu.User(Token, 504);
        string[] texts =
        [
            "tugas:(kasi AND phi) OR \"kabid\"~2 *:* [a TO z] +- && || ! ^ \\ /",
            new string('x', 5000) + " tugas kasi phi " + new string('y', 4984),
            "🙏😀 tugas kasi PHI dong 👍🏽",
            "<b>tugas</b> & <i>kasi</i> PHI </pre>",
        ];
        foreach (var t in texts)
        {
            var before = (await user.MessagesAsync()).Count;
            await user.SendAsync(t);
            await user.WaitForAsync(before + 1);
        }
        await user.SendStickerAsync();
        await user.WaitForAsync(texts.Length + 1);
        await user.SendPhotoAsync();
        await user.WaitForAsync(texts.Length + 2);

        await Task.Delay(Settle);
        var replies = await user.MessagesAsync();
        Assert.Equal(texts.Length + 2, replies.Count);
        Assert.DoesNotContain(replies, r => r.Text.Contains("gangguan")); // no apology: nothing threw
        Assert.Contains("Pesan terlalu panjang (10000 karakter)", replies[1].Text);
        Assert.Contains("PERSELISIHAN HUBUNGAN INDUSTRIAL", replies[2].Text);
        Assert.Equal(TelegramRenderer.Escape(TelegramUpdateHandler.NonTextReply), replies[4].Text);
        Assert.Equal(TelegramRenderer.Escape(TelegramUpdateHandler.NonTextReply), replies[5].Text);
        Assert.All(replies, r => Assert.Equal("html", r.ParseMode, ignoreCase: true));
    }

    [Fact]
    public async Task An_update_offered_again_is_not_answered_again()
    {
        var user = emu.User(Token, 505);
        await user.SendAsync("/bantuan");
        await user.WaitForAsync(1);
        var first = emu.Proxy.SeenUpdateIds(Token).Single();
        emu.Proxy.Redeliver(Token, first);
        await user.SendAsync("/tugas kasi phi");
        await user.WaitForAsync(2);
        await Task.Delay(Settle);
        Assert.Equal(2, (await user.MessagesAsync()).Count);
    }

    [Fact]
    public async Task A_restart_between_two_updates_loses_and_repeats_nothing()
    {
        var user = emu.User(Token, 506);
        await user.SendAsync("/tugas kasi phi");
        await user.WaitForAsync(1);
        await _bot.StopAsync();

        await user.SendAsync("/fungsi kasi phi"); // arrives while the bot is down
        await Task.Delay(300);
        await _bot.RestartAsync();
        var messages = await user.WaitForAsync(2);
        Assert.Contains("Tugas", messages[0].Text);
        Assert.Contains("Fungsi", messages[1].Text);

        await Task.Delay(Settle);
        Assert.Equal(2, (await user.MessagesAsync()).Count);
        var ids = emu.Proxy.SeenUpdateIds(Token);
        Assert.Equal(ids.Max(), await _bot.Store.GetCursorAsync(TelegramOptions.Channel));
    }

    [Fact]
    public async Task Groups_answer_commands_and_mentions_only()
    {
        var group = emu.User(Token, 507, chat: -100507, type: "group", title: "Dinas");
        await group.SendAsync("tugas kasi phi");                // chatter, not for the bot
        await group.SendAsync("/tugas@SomeOtherBot kasi phi");  // another bot's command
        await group.SendAsync("@TestNameBot tugas kasi phi");    // mention
        var answered = await group.WaitForAsync(1);
        await group.SendAsync("/fungsi kasi phi");              // plain command
        answered = await group.WaitForAsync(2);
        await Task.Delay(Settle);
        answered = await group.MessagesAsync();
        Assert.Equal(2, answered.Count);
        Assert.Contains("Tugas", answered[0].Text);
        Assert.Contains("Fungsi", answered[1].Text);
        Assert.All(answered, m => Assert.NotNull(m.ReplyTo)); // replies point at the message they answer
    }
}
