using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Teams.Tests.Harness;

/// <summary>The combined host (BotHost.Build with Telegram polling and Teams anonymous) over a fresh SQLite file.</summary>
public sealed class BothChannels : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ikibot-both-").FullName;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    public BotServices Services { get; }
    public WebApplication App { get; }
    public string Url { get; private set; } = "";
    public ConcurrentQueue<string> Log { get; } = new();

    public BothChannels(string telegramUrl, Func<TelegramOptions, TelegramOptions>? adjust = null)
    {
        Services = new BotServices(new BotSettings
        {
            DatabasePath = Path.Combine(_folder, "ikibot.db"), Reminders = new ReminderSettings { Enabled = false },
        }, TimeProvider.System, quiet: true);
        var telegram = new TelegramOptions { Token = "123456789:test-both", BaseUrl = telegramUrl, PollTimeoutSeconds = 1 };
        if (adjust is not null) telegram = adjust(telegram);
        App = BotHost.Build(Services, telegram, TeamsBot.Anonymous(), "http://127.0.0.1:0", log =>
        {
            log.SetMinimumLevel(LogLevel.Information);
            log.AddFilter("Microsoft", LogLevel.Warning);
            log.AddFilter("System.Net.Http", LogLevel.Warning);
            log.AddProvider(new QueueLoggerProvider(Log));
        });
    }

    public async Task<BothChannels> StartAsync()
    {
        await App.StartAsync();
        Url = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return this;
    }

    public async Task<int> PostAsync(JsonObject activity)
    {
        using var response = await _http.PostAsync(Url + "/api/messages", new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        return (int)response.StatusCode;
    }

    public async Task<int> PostTelegramUpdateAsync(string path, string secret, JsonObject update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + path)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        using var response = await _http.SendAsync(request);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            try { await App.StopAsync(stop.Token); } catch (OperationCanceledException) { }
        await App.DisposeAsync();
        Services.Dispose();
        _http.Dispose();
        try { Directory.Delete(_folder, true); } catch { }
    }
}
