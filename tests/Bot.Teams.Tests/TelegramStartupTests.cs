using System.Diagnostics;
using IkiBot.Bot.Teams.Tests.Harness;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>In the host shared with Teams, Telegram's startup does not hold Teams back.</summary>
public class TelegramStartupTests
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
}
