using System.Collections.Concurrent;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Hosting;
using IkiBot.Bot.Teams.Tests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Teams.Tests;

/// <summary>One process, both channels: Teams and Telegram (polling) on one host with one database.</summary>
public class OneHostTests
{
    [Fact]
    public async Task Telegram_and_Teams_are_answered_by_the_same_host()
    {
        // A minimal Bot API: getMe, one update with "/bantuan" from chat 42, sendMessage recorded, everything else ok.
        var telegramCalls = new ConcurrentQueue<(string Method, string Body)>();
        var served = 0;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var api = builder.Build();
        api.Run(async http =>
        {
            var method = http.Request.Path.Value!.Split('/').Last();
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            telegramCalls.Enqueue((method, body));
            http.Response.ContentType = "application/json";
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            await http.Response.WriteAsync(method switch
            {
                "getMe" => """{"ok":true,"result":{"id":7,"is_bot":true,"first_name":"IkiBot","username":"IkiBot"}}""",
                "getUpdates" when Interlocked.Increment(ref served) == 1 =>
                    $$$"""{"ok":true,"result":[{"update_id":1,"message":{"message_id":5,"date":{{{now}}},"chat":{"id":42,"type":"private"},"from":{"id":42,"is_bot":false,"first_name":"Ani"},"text":"/bantuan"}}]}""",
                "getUpdates" => await Task.Delay(300).ContinueWith(_ => """{"ok":true,"result":[]}"""),
                "sendMessage" => $$$"""{"ok":true,"result":{"message_id":6,"date":{{{now}}},"chat":{"id":42,"type":"private"},"text":"ok"}}""",
                _ => """{"ok":true,"result":true}""",
            });
        });
        await api.StartAsync();
        var apiUrl = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        await using var connector = await FakeConnector.StartAsync();
        var folder = Directory.CreateTempSubdirectory("ikibot-onehost-").FullName;
        using var services = new BotServices(new BotSettings
        {
            DatabasePath = Path.Combine(folder, "ikibot.db"), Reminders = new ReminderSettings { Enabled = false },
        }, TimeProvider.System, quiet: true);
        var telegram = new TelegramOptions { Token = "123456789:test-one-host", BaseUrl = apiUrl, PollTimeoutSeconds = 1 };
        await using var app = BotHost.Build(services, telegram, TeamsBot.Anonymous(), "http://127.0.0.1:0", log => log.ClearProviders());
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        using var http = new HttpClient();
        var activity = Activities.Message(connector.Url, "/bantuan");
        var response = await http.PostAsync(url + "/api/messages", new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)response.StatusCode);

        var teamsCalls = await connector.WaitForAsync(c => c.Any(x => x.Type == "message"));
        Assert.StartsWith("**Perintah IkiBot**", teamsCalls.First(x => x.Type == "message").Text);
        for (var i = 0; i < 200 && !telegramCalls.Any(c => c.Method == "sendMessage"); i++) await Task.Delay(50);
        var sent = telegramCalls.First(c => c.Method == "sendMessage");
        Assert.Contains("Perintah IkiBot", sent.Body);
        Assert.Contains("42", sent.Body);

        await using (var db = services.Database.CreateDbContext())
        {
            Assert.Equal(["teams", "telegram"], db.ProcessedMessages.Select(m => m.Channel).Distinct().OrderBy(c => c).ToList());
        }
        await app.StopAsync();
        try { Directory.Delete(folder, true); } catch { }
    }
}
