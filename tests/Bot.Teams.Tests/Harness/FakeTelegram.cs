using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Teams.Tests.Harness;

public sealed record TelegramCall(string Method, JsonObject? Body)
{
    public string? ChatId => Body?["chat_id"]?.ToString();
    public string? Text => Body?["text"]?.GetValue<string>();
    /// <summary>The inline buttons as (label, callback_data).</summary>
    public IReadOnlyList<(string Label, string Data)> Buttons =>
        (Body?["reply_markup"]?["inline_keyboard"] as JsonArray)?.SelectMany(row => row!.AsArray())
        .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>())).ToList() ?? [];
}

/// <summary>
/// A Telegram Bot API on 127.0.0.1: getMe (or 502 while <see cref="Down"/>, 401 with <see cref="RejectsToken"/>), getUpdates handing out what the test
/// queued, every other call recorded and answered ok (sendMessage with a message in the chat it was sent to).
/// </summary>
public sealed class FakeTelegram : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _updates = new();
    private long _nextUpdate;
    private int _messageIds = 100;
    public ConcurrentQueue<TelegramCall> Calls { get; } = new();
    public string Url { get; private set; } = "";
    public volatile bool Down;
    /// <summary>getMe answers 401, as for a revoked token.</summary>
    public volatile bool RejectsToken;
    /// <summary>getUpdates answers 401, as for a token revoked while the bot runs.</summary>
    public volatile bool RejectsUpdates;
    public int GetMeCalls;

    private FakeTelegram(WebApplication app) => _app = app;

    public static async Task<FakeTelegram> StartAsync(bool down = false)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var me = new FakeTelegram(app) { Down = down };
        app.Run(me.AnswerAsync);
        await app.StartAsync();
        me.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return me;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var method = http.Request.Path.Value!.Split('/').Last();
        var text = await new StreamReader(http.Request.Body).ReadToEndAsync();
        JsonObject? body = null;
        try { body = JsonNode.Parse(text) as JsonObject; } catch { }
        http.Response.ContentType = "application/json";
        if (method == "getMe")
        {
            Interlocked.Increment(ref GetMeCalls);
            if (RejectsToken)
            {
                http.Response.StatusCode = 401;
                await http.Response.WriteAsync("""{"ok":false,"error_code":401,"description":"Unauthorized"}""");
                return;
            }
            if (Down)
            {
                http.Response.StatusCode = 502;
                await http.Response.WriteAsync("""{"ok":false,"error_code":502,"description":"Bad Gateway"}""");
                return;
            }
            await http.Response.WriteAsync("""{"ok":true,"result":{"id":7,"is_bot":true,"first_name":"IkiBot","username":"IkiBot"}}""");
            return;
        }
        if (method == "getUpdates" && RejectsUpdates)
        {
            http.Response.StatusCode = 401;
            await http.Response.WriteAsync("""{"ok":false,"error_code":401,"description":"Unauthorized"}""");
            return;
        }
        if (method == "getUpdates")
        {
            var batch = new JsonArray();
            for (var i = 0; i < 6 && batch.Count == 0; i++)
            {
                while (_updates.TryDequeue(out var u)) batch.Add(u);
                if (batch.Count == 0) await Task.Delay(50);
            }
            await http.Response.WriteAsync(new JsonObject { ["ok"] = true, ["result"] = batch }.ToJsonString());
            return;
        }
        Calls.Enqueue(new TelegramCall(method, body));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (method is "sendMessage" or "sendPhoto" or "sendDocument" or "editMessageReplyMarkup" or "editMessageText")
        {
            var chat = body?["chat_id"]?.ToString() ?? "0";
            await http.Response.WriteAsync($$$"""{"ok":true,"result":{"message_id":{{{Interlocked.Increment(ref _messageIds)}}},"date":{{{now}}},"chat":{"id":{{{chat}}},"type":"private"},"text":"ok"}}""");
            return;
        }
        await http.Response.WriteAsync("""{"ok":true,"result":true}""");
    }

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A user writes to the bot in a private chat (handed out by getUpdates).</summary>
    public void UserWrites(long user, string text, string name = "Ani") => _updates.Enqueue(Message(user, text, name));

    /// <summary>An update with a user's message in a private chat.</summary>
    public JsonObject Message(long user, string text, string name = "Ani") => new JsonObject
    {
        ["update_id"] = Interlocked.Increment(ref _nextUpdate),
        ["message"] = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageIds), ["date"] = Now, ["text"] = text,
            ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = name },
        },
    };

    /// <summary>A user presses an inline button of a message the bot sent to their private chat.</summary>
    public void UserPresses(long user, string data, string name = "Sari") => _updates.Enqueue(new JsonObject
    {
        ["update_id"] = Interlocked.Increment(ref _nextUpdate),
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cb{Guid.NewGuid():N}", ["chat_instance"] = "1", ["data"] = data,
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = name },
            ["message"] = new JsonObject
            {
                ["message_id"] = 99, ["date"] = Now, ["text"] = "Permintaan",
                ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
                ["from"] = new JsonObject { ["id"] = 7, ["is_bot"] = true, ["first_name"] = "IkiBot" },
            },
        },
    });

    public async Task<TelegramCall?> WaitForAsync(Func<TelegramCall, bool> match, int timeoutMs = 10000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < until)
        {
            if (Calls.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(20);
        }
        return Calls.FirstOrDefault(match);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
