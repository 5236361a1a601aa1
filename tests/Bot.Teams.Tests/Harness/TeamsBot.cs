using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IkiBot.Bot.Channels.Teams;
using IkiBot.Bot.Composition;
using IkiBot.Bot.Configuration;
using IkiBot.Bot.Hosting;
using IkiBot.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Teams.Tests.Harness;

/// <summary>
/// The real host (BotHost.Build: /api/messages, handler, outbox, token source) with the full conversation core
/// (reports, supervision) over a fresh SQLite file, on 127.0.0.1 with a free port. Restart keeps the file.
/// </summary>
public sealed class TeamsBot : IAsyncDisposable
{
    public const string AppId = "00000000-0000-0000-0000-0000000000b0";
    public const string Tenant = "7a6b5c4d-0000-4000-8000-000000000001";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ikibot-teams-tests", Guid.NewGuid().ToString("N"));
    public TeamsOptions Options { get; private set; }
    public BotServices Services { get; private set; } = null!;
    public WebApplication? App { get; private set; }
    public string Url { get; private set; } = "";
    public ConcurrentQueue<string> Log { get; } = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly IReadOnlyList<string> _admins;
    private readonly string? _listen;

    public TeamsBot(TeamsOptions options, IReadOnlyList<string>? admins = null, string? listen = null)
    {
        Directory.CreateDirectory(Folder);
        Options = options;
        _admins = admins ?? [];
        _listen = listen;
    }

    /// <summary>Anonymous (local testing) with short retry pauses.</summary>
    public static TeamsOptions Anonymous() => Fast(new TeamsOptions { AllowAnonymous = true });

    public static TeamsOptions Authenticated(TestAuthority authority, string? tenant = null) => Fast(new TeamsOptions
    {
        AppId = authority.AppId, AppPassword = authority.AppSecret, TenantId = tenant,
        OpenIdMetadataUrl = authority.MetadataUrl, TokenEndpoint = authority.TokenUrl,
    });

    public static TeamsOptions Fast(TeamsOptions o) => o with
    {
        SendRetryBaseDelay = TimeSpan.FromMilliseconds(20), SendRoundPause = TimeSpan.FromMilliseconds(200), SendTimeout = TimeSpan.FromSeconds(2),
        PerConversationPerSecond = 50, PerConversationBurst = 10, GlobalPerSecond = 200, KeyRefreshMinInterval = TimeSpan.Zero,
    };

    public async Task<TeamsBot> StartAsync()
    {
        Services = new BotServices(new BotSettings
        {
            DatabasePath = Path.Combine(Folder, "ikibot.db"),
            Reminders = new ReminderSettings { Enabled = false },
            Admins = _admins,
        }, TimeProvider.System, quiet: true);
        App = BotHost.Build(Services, null, Options, _listen ?? "http://127.0.0.1:0", log =>
        {
            log.SetMinimumLevel(LogLevel.Debug);
            log.AddFilter("Microsoft", LogLevel.Warning);
            log.AddFilter("System.Net.Http", LogLevel.Warning);
            log.AddProvider(new QueueLoggerProvider(Log));
        });
        await App.StartAsync();
        Url = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return this;
    }

    public async Task StopAsync()
    {
        if (App is null) return;
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10))) await App.StopAsync(stop.Token);
        await App.DisposeAsync();
        App = null;
        Services.Dispose();
    }

    public async Task RestartAsync(TeamsOptions? options = null)
    {
        await StopAsync();
        if (options is not null) Options = options;
        await StartAsync();
    }

    public T Get<T>() where T : notnull => App!.Services.GetRequiredService<T>();

    public async Task<(int Status, string Body)> PostAsync(JsonObject activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url + "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<int> HandledCountAsync()
    {
        await using var db = Services.Database.CreateDbContext();
        return db.ProcessedMessages.Count(m => m.Channel == "teams");
    }

    public async Task<int> OutboxCountAsync()
    {
        await using var db = Services.Database.CreateDbContext();
        return db.Set<OutboxMessage>().Count(m => m.Channel == "teams");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        try { Directory.Delete(Folder, true); } catch { }
    }
}

public sealed class QueueLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new QueueLogger(sink, categoryName);
    public void Dispose() { }

    private sealed class QueueLogger(ConcurrentQueue<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format) =>
            sink.Enqueue($"{level} {category}: {format(state, e)}{(e is null ? "" : " " + e.GetType().Name + ": " + e.Message)}");
    }
}

/// <summary>Activities as Teams sends them to the bot (personal chat, one tenant).</summary>
public static class Activities
{
    public static JsonObject Message(string serviceUrl, string text, string user = "budi", string? id = null, string? aad = null,
        string tenant = TeamsBot.Tenant, string channel = "msteams") => Base("message", serviceUrl, user, id, aad, tenant, channel, text);

    public static JsonObject Submit(string serviceUrl, string replyToId, JsonNode value, string user = "budi", string? id = null, string? aad = null)
    {
        var a = Base("message", serviceUrl, user, id, aad, TeamsBot.Tenant, "msteams", null);
        a["replyToId"] = replyToId;
        a["value"] = value.DeepClone();
        return a;
    }

    public static JsonObject Install(string serviceUrl, string user = "budi", string? aad = null)
    {
        var a = Base("installationUpdate", serviceUrl, user, null, aad, TeamsBot.Tenant, "msteams", null);
        a["action"] = "add";
        return a;
    }

    public static JsonObject MembersAdded(string serviceUrl, string user = "budi", string? aad = null)
    {
        var a = Base("conversationUpdate", serviceUrl, user, null, aad, TeamsBot.Tenant, "msteams", null);
        a["membersAdded"] = new JsonArray(new JsonObject { ["id"] = $"29:1{user}" }, new JsonObject { ["id"] = $"28:{TeamsBot.AppId}" });
        return a;
    }

    public static string AadOf(string user) => $"00000000-0000-4000-8000-{Math.Abs(user.GetHashCode() % 1000000):D12}";

    private static JsonObject Base(string type, string serviceUrl, string user, string? id, string? aad, string tenant, string channel, string? text)
    {
        var a = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? $"f:{Guid.NewGuid():N}",
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channel,
            ["from"] = new JsonObject { ["id"] = $"29:1{user}", ["name"] = user, ["aadObjectId"] = aad ?? AadOf(user) },
            ["conversation"] = new JsonObject { ["id"] = $"a:1{user}", ["conversationType"] = "personal", ["tenantId"] = tenant },
            ["recipient"] = new JsonObject { ["id"] = $"28:{TeamsBot.AppId}", ["name"] = "IkiBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        if (text is not null) a["text"] = text;
        return a;
    }
}
