using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>An answer the fake gives instead of the normal one: an HTTP status with a Bot API error, after a delay.</summary>
public sealed record FakeFault(int Status, string Json, TimeSpan Delay)
{
    public static FakeFault TooManyRequests(int retryAfter) => new(429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfter +
        "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}",
        TimeSpan.Zero);
    public static FakeFault ServerError(int status = 502) => new(status, $$"""{"ok":false,"error_code":{{status}},"description":"Bad Gateway"}""", TimeSpan.Zero);
    public static FakeFault Forbidden() => new(403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""", TimeSpan.Zero);
    public static FakeFault Hang(TimeSpan delay) => new(0, "", delay);

    /// <summary>The call takes effect at once (as Telegram delivers a message), but its answer comes only after the delay.</summary>
    public static FakeFault AnsweredLate(TimeSpan delay) => new(200, "", delay) { TakesEffectFirst = true };

    public bool TakesEffectFirst { get; init; }
}

/// <summary>
/// A small Bot API server of our own on 127.0.0.1 for what the emulator cannot do: 429 with retry_after, 5xx,
/// timeouts, multipart file uploads, webhook registration. getUpdates has Telegram's offset/timeout semantics over
/// updates the test queues (raw JSON, so a malformed one can be served too). Every call is recorded with its status.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const long BotId = 4242;
    public const string BotUsername = "IkiTestBot";

    private readonly List<JsonObject> _updates = new();
    private readonly SemaphoreSlim _poll = new(1, 1);
    private long _nextUpdate = 1000;
    private int _nextMessage = 1;
    private WebApplication? _app;

    public string Url { get; private set; } = "";
    public ConcurrentQueue<(ApiCall Call, int Status)> Calls { get; } = new();

    /// <summary>Decides, per call, a fault instead of the normal answer (null: answer normally).</summary>
    public Func<ApiCall, FakeFault?>? Fault { get; set; }

    public static async Task<FakeBotApi> StartAsync()
    {
        var fake = new FakeBotApi();
        (fake._app, fake.Url) = await Loopback.StartAsync(app =>
            app.Map("/bot{token}/{method}", (HttpContext ctx, string token, string method) => fake.HandleAsync(ctx, method)));
        return fake;
    }

    public IReadOnlyList<ApiCall> Succeeded(string method) =>
        Calls.Where(c => c.Call.Method == method && c.Status == 200).Select(c => c.Call).ToList();

    public IReadOnlyList<ApiCall> All(string method) => Calls.Where(c => c.Call.Method == method).Select(c => c.Call).ToList();

    /// <summary>Queues a message update from a private chat; returns its update_id.</summary>
    public long QueueMessage(long user, string text, string chatType = "private", long? chat = null)
    {
        var id = Interlocked.Increment(ref _nextUpdate);
        QueueRaw(new JsonObject
        {
            ["update_id"] = id,
            ["message"] = new JsonObject
            {
                ["message_id"] = (int)id,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Pegawai" + user },
                ["chat"] = chatType == "private"
                    ? new JsonObject { ["id"] = chat ?? user, ["type"] = "private", ["first_name"] = "Pegawai" + user }
                    : new JsonObject { ["id"] = chat ?? -100, ["type"] = chatType, ["title"] = "Grup" },
                ["text"] = text,
            },
        });
        return id;
    }

    public long NextUpdateId() => Interlocked.Increment(ref _nextUpdate);

    public void QueueRaw(JsonObject update)
    {
        lock (_updates) _updates.Add(update);
    }

    private async Task HandleAsync(HttpContext ctx, string method)
    {
        JsonObject body;
        string? fileName = null;
        byte[]? file = null;
        if (ctx.Request.HasFormContentType)
        {
            var form = await ctx.Request.ReadFormAsync();
            body = new JsonObject();
            foreach (var (key, value) in form) body[key] = value.ToString();
            if (form.Files.Count > 0)
            {
                using var ms = new MemoryStream();
                await form.Files[0].CopyToAsync(ms);
                (fileName, file) = (form.Files[0].FileName, ms.ToArray());
            }
        }
        else
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            body = text.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject();
        }
        var chat = body["chat_id"] is { } c && long.TryParse(c.ToString(), out var id) ? id : (long?)null;
        var call = new ApiCall(method, chat, body, DateTime.UtcNow, fileName, file);

        var fault = Fault?.Invoke(call);
        if (fault is { TakesEffectFirst: true })
        {
            var done = Result(method, body, fileName);
            Calls.Enqueue((call, 200));
            try { await Task.Delay(fault.Delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
            await ctx.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = done });
            return;
        }
        if (fault is not null)
        {
            try { await Task.Delay(fault.Delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { Calls.Enqueue((call, 0)); return; }
            if (fault.Status != 0)
            {
                Calls.Enqueue((call, fault.Status));
                ctx.Response.StatusCode = fault.Status;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(fault.Json);
                return;
            }
        }

        var result = method == "getUpdates" ? await UpdatesAsync(body, ctx.RequestAborted) : Result(method, body, fileName);
        Calls.Enqueue((call, 200));
        await ctx.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private JsonNode Result(string method, JsonObject body, string? fileName) => method switch
    {
        "getMe" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "IkiBot", ["username"] = BotUsername },
        "sendMessage" or "sendPhoto" or "sendDocument" or "editMessageReplyMarkup" => Message(method, body, fileName),
        _ => JsonValue.Create(true),
    };

    private JsonObject Message(string method, JsonObject body, string? fileName)
    {
        var m = new JsonObject
        {
            ["message_id"] = method == "editMessageReplyMarkup" ? body["message_id"]?.DeepClone() : Interlocked.Increment(ref _nextMessage),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "IkiBot" },
        };
        if (body["text"] is { } text) m["text"] = text.ToString();
        if (method == "sendDocument") m["document"] = new JsonObject { ["file_id"] = "d1", ["file_unique_id"] = "d1u", ["file_name"] = fileName };
        if (method == "sendPhoto") m["photo"] = new JsonArray(new JsonObject { ["file_id"] = "p1", ["file_unique_id"] = "p1u", ["width"] = 1, ["height"] = 1 });
        return m;
    }

    private async Task<JsonArray> UpdatesAsync(JsonObject body, CancellationToken ct)
    {
        long? offset = body["offset"] is { } o ? long.Parse(o.ToString()) : null;
        var timeout = body["timeout"] is { } t ? Math.Min(int.Parse(t.ToString()), 10) : 0;
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        await _poll.WaitAsync(ct);
        try
        {
            while (true)
            {
                lock (_updates)
                {
                    if (offset is { } off) _updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < off);
                    if (_updates.Count > 0 || DateTime.UtcNow >= deadline)
                        return new JsonArray(_updates.Take(100).Select(u => (JsonNode)u.DeepClone()).ToArray());
                }
                await Task.Delay(10, ct);
            }
        }
        finally { _poll.Release(); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
