using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IkiBot.Bot.Telegram.Tests.Harness;

/// <summary>A message the bot sent, as the emulator stored it.</summary>
public sealed record BotMessage(int MessageId, long ChatId, string Text, string? ParseMode, IReadOnlyList<(string Text, string Data)> Buttons, int? ReplyTo)
{
    public override string ToString() => $"#{MessageId}: {Text}" + (Buttons.Count > 0 ? $" [{string.Join(" | ", Buttons.Select(b => b.Text))}]" : "");
}

/// <summary>
/// A Telegram user talking to the bot through telegram-test-api's client routes (/sendMessage, /sendCommand,
/// /sendCallback, /getUpdatesHistory): the same requests its Node TelegramClient makes (makeMessage, makeCommand,
/// makeCallbackQuery), written here so the C# tests can drive many users without a Node round trip per step.
/// </summary>
public sealed class EmulatedUser(HttpClient http, string emulatorUrl, string token, long userId, string firstName,
    long? chatId = null, string chatType = "private", string? chatTitle = null)
{
    public long UserId => userId;
    public long ChatId => chatId ?? userId;

    private JsonObject From() => new()
    {
        ["id"] = userId, ["first_name"] = firstName, ["username"] = "user" + userId, ["is_bot"] = false,
    };

    private JsonObject Chat() => chatType == "private"
        ? new JsonObject { ["id"] = ChatId, ["first_name"] = firstName, ["username"] = "user" + userId, ["type"] = "private" }
        : new JsonObject { ["id"] = ChatId, ["title"] = chatTitle ?? "Grup", ["type"] = chatType };

    private JsonObject Message(string? text)
    {
        var m = new JsonObject
        {
            ["botToken"] = token, ["from"] = From(), ["chat"] = Chat(), ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        if (text is not null) m["text"] = text;
        return m;
    }

    public Task SendAsync(string text) =>
        text.StartsWith('/') ? PostAsync("sendCommand", Command(text)) : PostAsync("sendMessage", Message(text));

    private JsonObject Command(string text)
    {
        var m = Message(text);
        var space = text.IndexOf(' ');
        m["entities"] = new JsonArray(new JsonObject
        {
            ["offset"] = 0, ["length"] = space < 0 ? text.Length : space, ["type"] = "bot_command",
        });
        return m;
    }

    public Task SendStickerAsync()
    {
        var m = Message(null);
        m["sticker"] = new JsonObject
        {
            ["file_id"] = "CAACAgIAAxkBAAEBstk", ["file_unique_id"] = "AgADstk", ["type"] = "regular",
            ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false, ["emoji"] = "👍",
        };
        return PostAsync("sendMessage", m);
    }

    public Task SendPhotoAsync(string? caption = null)
    {
        var m = Message(null);
        m["photo"] = new JsonArray(new JsonObject { ["file_id"] = "AgACAgIAAxk", ["file_unique_id"] = "AQADp", ["width"] = 90, ["height"] = 90 });
        if (caption is not null) m["caption"] = caption;
        return PostAsync("sendMessage", m);
    }

    /// <summary>Presses a button under one of the bot's messages.</summary>
    public Task PressAsync(BotMessage message, string data)
    {
        var q = new JsonObject
        {
            ["botToken"] = token,
            ["from"] = From(),
            ["message"] = new JsonObject
            {
                ["message_id"] = message.MessageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = Chat(),
                ["from"] = new JsonObject { ["id"] = 666, ["is_bot"] = true, ["first_name"] = "Bot", ["username"] = "TestNameBot" },
                ["text"] = message.Text,
            },
            ["data"] = data,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        return PostAsync("sendCallback", q);
    }

    private async Task PostAsync(string route, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync($"{emulatorUrl}/{route}", body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Everything the bot sent to this user's chat, oldest first.</summary>
    public async Task<IReadOnlyList<BotMessage>> MessagesAsync()
    {
        using var response = await http.PostAsJsonAsync($"{emulatorUrl}/getUpdatesHistory", new JsonObject { ["token"] = token });
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var list = new List<BotMessage>();
        foreach (var entry in json["result"]!.AsArray().OfType<JsonObject>())
        {
            if (entry["message"] is not JsonObject m || m["chat_id"] is null) continue; // user updates have "chat", bot messages "chat_id"
            if (!long.TryParse(m["chat_id"]!.ToString(), out var chat) || chat != ChatId) continue;
            var buttons = new List<(string, string)>();
            if (m["reply_markup"]?["inline_keyboard"] is JsonArray rows)
                foreach (var row in rows.OfType<JsonArray>())
                    foreach (var b in row.OfType<JsonObject>())
                        buttons.Add((b["text"]!.ToString(), b["callback_data"]!.ToString()));
            int? replyTo = m["reply_parameters"]?["message_id"] is { } r ? (int)r.GetValue<long>() : null;
            list.Add(new BotMessage(entry["messageId"]!.GetValue<int>(), chat, m["text"]?.ToString() ?? "",
                m["parse_mode"]?.ToString(), buttons, replyTo));
        }
        return list.OrderBy(x => x.MessageId).ToList();
    }

    /// <summary>Waits until the bot has sent at least <paramref name="count"/> messages to this chat.</summary>
    public async Task<IReadOnlyList<BotMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        IReadOnlyList<BotMessage> messages = [];
        await Loopback.WaitUntilAsync(async () => (messages = await MessagesAsync()).Count >= count,
            timeout ?? TimeSpan.FromSeconds(10),
            () => $"{count} bot messages to chat {ChatId}, got {messages.Count}: {string.Join(" / ", messages)}");
        return messages;
    }
}
