using System.Diagnostics;
using IkiBot.Bot.Teams.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>In the host shared with Teams, Telegram's startup does not hold Teams back.</summary>
public class TelegramStartupTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static bool IsMessage(ConnectorCall c) => c.Method == "POST" && c.Type == "message" && c.Status is >= 200 and < 300;

    [Fact]
    public async Task Teams_answers_at_once_while_Telegram_is_unreachable_and_Telegram_works_once_it_is_back()
    {
        await using var telegram = await FakeTelegram.StartAsync(down: true);
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BothChannels(telegram.Url);
        var clock = Stopwatch.StartNew();
        await bot.StartAsync().WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(200, await bot.PostAsync(Activities.Message(connector.Url, "/bantuan")));
        var calls = await connector.WaitForAsync(c => c.Any(IsMessage), 5000);
        Assert.StartsWith("**Perintah IkiBot**", calls.First(IsMessage).Text);
        var answeredIn = clock.Elapsed;
        output.WriteLine($"Teams menjawab {answeredIn.TotalMilliseconds:0} ms setelah start, getMe gagal {telegram.GetMeCalls} kali");
        Assert.True(answeredIn < TimeSpan.FromSeconds(3), $"Teams menjawab setelah {answeredIn.TotalSeconds:0.0} detik");
        Assert.True(telegram.GetMeCalls >= 1);

        // A Telegram user writes while Telegram is still down: nothing is read or sent until getMe succeeds.
        telegram.UserWrites(42, "/bantuan");
        await Task.Delay(300);
        Assert.Empty(telegram.Calls);
        telegram.Down = false;
        var sent = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "42", 20000);
        Assert.NotNull(sent);
        Assert.Contains("Perintah IkiBot", sent.Text);
        Assert.True(telegram.GetMeCalls >= 2);
        output.WriteLine($"Telegram menjawab {clock.Elapsed.TotalMilliseconds:0} ms setelah start ({telegram.GetMeCalls} getMe)");
    }

    [Fact]
    public async Task A_rejected_Telegram_token_stops_Telegram_alone_and_says_so()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        telegram.RejectsToken = true;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BothChannels(telegram.Url);
        await bot.StartAsync().WaitAsync(TimeSpan.FromSeconds(5));

        for (var i = 0; i < 100 && !bot.Log.Any(l => l.Contains("Telegram TIDAK berjalan")); i++) await Task.Delay(50);
        var said = Assert.Single(bot.Log, l => l.Contains("Telegram TIDAK berjalan"));
        Assert.StartsWith("Critical", said);
        Assert.Contains("Telegram:Token", said);

        Assert.Equal(200, await bot.PostAsync(Activities.Message(connector.Url, "/bantuan")));
        var calls = await connector.WaitForAsync(c => c.Any(IsMessage), 5000);
        Assert.StartsWith("**Perintah IkiBot**", calls.First(IsMessage).Text);
        Assert.Equal(1, telegram.GetMeCalls);
    }

    [Fact]
    public async Task The_Telegram_webhook_answers_503_until_Telegram_has_started_so_Telegram_sends_again()
    {
        await using var telegram = await FakeTelegram.StartAsync(down: true);
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BothChannels(telegram.Url, o => o with { WebhookUrl = "https://bot.contoh.go.id/telegram/hook", SecretToken = "rahasia_1" });
        await bot.StartAsync().WaitAsync(TimeSpan.FromSeconds(5));

        var update = telegram.Message(42, "/bantuan");
        Assert.Equal(503, await bot.PostTelegramUpdateAsync("/telegram/hook", "rahasia_1", update));
        Assert.Equal(200, await bot.PostAsync(Activities.Message(connector.Url, "/bantuan")));
        Assert.NotEmpty(await connector.WaitForAsync(c => c.Any(IsMessage), 5000));

        telegram.Down = false;
        Assert.NotNull(await telegram.WaitForAsync(c => c.Method == "setWebhook", 20000));
        // As Telegram does: the same update again until it is taken (the startup ends just after setWebhook).
        var status = 0;
        for (var i = 0; i < 50 && (status = await bot.PostTelegramUpdateAsync("/telegram/hook", "rahasia_1", update)) == 503; i++)
            await Task.Delay(50);
        Assert.Equal(200, status);
        var sent = await telegram.WaitForAsync(c => c.Method == "sendMessage" && c.ChatId == "42");
        Assert.Contains("Perintah IkiBot", sent!.Text);
    }

    [Fact]
    public async Task A_token_revoked_while_polling_stops_Telegram_alone()
    {
        await using var telegram = await FakeTelegram.StartAsync();
        telegram.RejectsUpdates = true;
        await using var connector = await FakeConnector.StartAsync();
        await using var bot = new BothChannels(telegram.Url);
        await bot.StartAsync().WaitAsync(TimeSpan.FromSeconds(5));

        for (var i = 0; i < 100 && !bot.Log.Any(l => l.Contains("Telegram berhenti, kanal lain tetap berjalan")); i++) await Task.Delay(50);
        Assert.Contains(bot.Log, l => l.StartsWith("Critical") && l.Contains("Telegram berhenti, kanal lain tetap berjalan"));
        Assert.False(bot.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Equal(200, await bot.PostAsync(Activities.Message(connector.Url, "/bantuan")));
        var calls = await connector.WaitForAsync(c => c.Any(IsMessage), 5000);
        Assert.StartsWith("**Perintah IkiBot**", calls.First(IsMessage).Text);
    }
}
