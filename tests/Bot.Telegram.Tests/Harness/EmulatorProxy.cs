using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>One Bot API call the bot made, as the harness saw it.</summary>
public sealed record ApiCall(string Method, long? ChatId, JsonObject Body, DateTime At, string? FileName = null, byte[]? File = null)
{
    public string? Text => Body["text"]?.ToString() ?? Body["caption"]?.ToString();
}

/// <summary>
/// Sits between the bot and telegram-test-api and fixes where the emulator differs from the real Bot API, so the
/// product is tested against Telegram's behaviour, not the emulator's:
/// getUpdates honours offset (unconfirmed updates come again, e.g. after a restart) and timeout (long polling);
/// dates in milliseconds become seconds; "result": null becomes true (or the edited message);
/// setMyCommands, sendChatAction, sendPhoto and sendDocument (not in the emulator) are answered here and recorded,
/// a file arriving in the emulator as a text "[document name] caption" so the user's history shows it.
/// <see cref="Strict"/> turns those stand-ins off, so the bot meets the emulator's "not supported" answers.
/// Every call is recorded per token.
/// </summary>
public sealed class EmulatorProxy : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, TokenState> _tokens = new();
    private string _emulator = "";
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public static async Task<EmulatorProxy> StartAsync(string emulatorUrl)
    {
        var proxy = new EmulatorProxy { _emulator = emulatorUrl };
        (proxy._app, proxy.Url) = await Loopback.StartAsync(app =>
            app.Map("/bot{token}/{method}", (HttpContext ctx, string token, string method) => proxy.HandleAsync(ctx, token, method)));
        return proxy;
    }

    private sealed class TokenState
    {
        public readonly SemaphoreSlim Poll = new(1, 1);
        public readonly List<JsonObject> Buffer = new();
        public readonly Dictionary<long, JsonObject> Seen = new();
        public readonly ConcurrentQueue<ApiCall> Calls = new();
        public volatile bool Strict;
    }

    private TokenState State(string token) => _tokens.GetOrAdd(token, _ => new TokenState());

    public IReadOnlyList<ApiCall> Calls(string token) => State(token).Calls.ToArray();
    public IReadOnlyList<ApiCall> Calls(string token, string method) => Calls(token).Where(c => c.Method == method).ToList();

    /// <summary>Pass setMyCommands, sendChatAction, sendPhoto, sendDocument through to the emulator, which does not know them.</summary>
    public void Strict(string token, bool on = true) => State(token).Strict = on;

    /// <summary>Offers an update the bot already confirmed once more, as Telegram might after a network hiccup.</summary>
    public void Redeliver(string token, long updateId)
    {
        var state = State(token);
        lock (state.Buffer)
        {
            state.Buffer.Add((JsonObject)state.Seen[updateId].DeepClone());
            state.Buffer.Sort((a, b) => Id(a).CompareTo(Id(b)));
        }
    }

    public IReadOnlyList<long> SeenUpdateIds(string token)
    {
        var state = State(token);
        lock (state.Buffer) return state.Seen.Keys.Order().ToList();
    }

    private async Task HandleAsync(HttpContext ctx, string token, string method)
    {
        var state = State(token);
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
                var f = form.Files[0];
                fileName = f.FileName;
                using var ms = new MemoryStream();
                await f.CopyToAsync(ms);
                file = ms.ToArray();
            }
        }
        else
        {
            using var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            body = text.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? new JsonObject();
            foreach (var (key, value) in ctx.Request.Query) body.TryAdd(key, value.ToString());
        }
        state.Calls.Enqueue(new ApiCall(method, ChatId(body), body, DateTime.UtcNow, fileName, file));

        switch (method)
        {
            case "getUpdates":
                await GetUpdatesAsync(ctx, token, state, body);
                return;
            case "setMyCommands" or "deleteMyCommands" or "sendChatAction" when !state.Strict:
                await ctx.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = true });
                return;
            case "sendPhoto" or "sendDocument" when !state.Strict:
            {
                var kind = method == "sendPhoto" ? "photo" : "document";
                var stand = new JsonObject
                {
                    ["chat_id"] = body["chat_id"]?.DeepClone(),
                    ["text"] = $"[{kind} {fileName}] {body["caption"]}".TrimEnd(),
                };
                var (status, json) = await ForwardAsync(token, "sendMessage", stand);
                if (json?["result"] is JsonObject message)
                {
                    message.Remove("text");
                    if (body["caption"] is { } caption) message["caption"] = caption.ToString();
                    var fileInfo = new JsonObject { ["file_id"] = "f" + message["message_id"], ["file_unique_id"] = "u" + message["message_id"] };
                    if (kind == "photo")
                    {
                        fileInfo["width"] = 100;
                        fileInfo["height"] = 100;
                        message["photo"] = new JsonArray(fileInfo);
                    }
                    else
                    {
                        fileInfo["file_name"] = fileName;
                        message["document"] = fileInfo;
                    }
                }
                await WriteAsync(ctx, status, json);
                return;
            }
            default:
            {
                var (status, json) = await ForwardAsync(token, method, body);
                await WriteAsync(ctx, status, json);
                return;
            }
        }
    }

    private async Task<(int Status, JsonNode? Json)> ForwardAsync(string token, string method, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"{_emulator}/bot{token}/{method}", content);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json;
        try { json = JsonNode.Parse(text); }
        catch { json = JsonValue.Create(text); }
        if (json is JsonObject root && root["ok"]?.GetValue<bool>() == true)
        {
            switch (root["result"])
            {
                case null when method.StartsWith("edit"):
                    root["result"] = new JsonObject
                    {
                        ["message_id"] = body["message_id"]?.DeepClone(),
                        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                        ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
                    };
                    break;
                case null:
                    root["result"] = true;
                    break;
                case JsonObject message:
                    FixDates(message);
                    break;
            }
        }
        return ((int)response.StatusCode, json);
    }

    /// <summary>The emulator writes bot messages' dates in milliseconds; the Bot API (and Telegram.Bot) use seconds.</summary>
    private static void FixDates(JsonObject message)
    {
        if (message["date"] is JsonValue v && v.TryGetValue<long>(out var date) && date > 100_000_000_000)
            message["date"] = date / 1000;
        if (message["chat"] is JsonObject chat && chat["type"] is null) chat["type"] = "private";
    }

    private static async Task WriteAsync(HttpContext ctx, int status, JsonNode? json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json?.ToJsonString() ?? "null");
    }

    /// <summary>Telegram's getUpdates: unconfirmed updates (id >= offset) again and again, waiting up to timeout for new ones.</summary>
    private async Task GetUpdatesAsync(HttpContext ctx, string token, TokenState state, JsonObject body)
    {
        var offset = Long(body["offset"]);
        var timeout = Math.Min(Long(body["timeout"]) ?? 0, 10);
        var limit = (int)(Long(body["limit"]) ?? 100);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        JsonArray result;
        await state.Poll.WaitAsync(ctx.RequestAborted);
        try
        {
            while (true)
            {
                var (_, fresh) = await ForwardAsync(token, "getUpdates", new JsonObject());
                lock (state.Buffer)
                {
                    if (fresh?["result"] is JsonArray updates)
                        foreach (var u in updates.OfType<JsonObject>())
                        {
                            state.Seen[Id(u)] = (JsonObject)u.DeepClone();
                            state.Buffer.Add((JsonObject)u.DeepClone());
                        }
                    if (offset is { } o) state.Buffer.RemoveAll(u => Id(u) < o);
                    state.Buffer.Sort((a, b) => Id(a).CompareTo(Id(b)));
                    if (state.Buffer.Count > 0 || DateTime.UtcNow >= deadline || ctx.RequestAborted.IsCancellationRequested)
                    {
                        result = new JsonArray(state.Buffer.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray());
                        break;
                    }
                }
                await Task.Delay(5, ctx.RequestAborted);
            }
        }
        finally
        {
            state.Poll.Release();
        }
        await ctx.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private static long Id(JsonObject update) => update["update_id"]!.GetValue<long>();

    private static long? Long(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, out var l) => l,
        _ => null,
    };

    private static long? ChatId(JsonObject body) => Long(body["chat_id"]);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _http.Dispose();
    }
}
