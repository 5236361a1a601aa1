using System.Security.Cryptography;
using System.Text;
using IkiBot.Bot.Conversation;
using IkiBot.Knowledge.Answers;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>One Bot API call the outbox will make, as stored in <c>OutboxMessage.Payload</c>.</summary>
public sealed record TelegramSend
{
    public const string Text = "text", Document = "document", Photo = "photo", ClearKeyboard = "clear_keyboard";

    public required string Kind { get; init; }
    /// <summary>HTML (parse_mode HTML): message text or file caption.</summary>
    public string? Html { get; init; }
    /// <summary>Inline keyboard rows: (label, callback data).</summary>
    public IReadOnlyList<IReadOnlyList<TelegramButton>>? Keyboard { get; init; }
    /// <summary>The user's message this answers (used in groups, so it is clear who is answered).</summary>
    public int? ReplyToMessageId { get; init; }
    /// <summary>The bot's message whose keyboard is cleared (<see cref="ClearKeyboard"/>).</summary>
    public int? MessageId { get; init; }
    public string? FileName { get; init; }
    public string? ContentType { get; init; }
}

public sealed record TelegramButton(string Text, string Data);

/// <summary>A rendered message and its file content (kept out of the JSON payload).</summary>
public sealed record RenderedSend(TelegramSend Send, byte[]? File = null);

/// <summary>
/// Turns the conversation's <see cref="Reply"/> into Telegram messages: HTML with the text escaped and "*title*" lines
/// in bold, texts over 4,096 characters split at line boundaries, choices as an inline keyboard under the last part,
/// files as a photo (png, jpeg) or a document (xlsx and the rest).
/// </summary>
public sealed class TelegramRenderer
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;
    public const int MaxPhotoBytes = 10 * 1024 * 1024;
    public const int MaxButtonLabel = 60;

    /// <summary>Long button payloads that had to be stored under a short id while rendering: id -> payload.</summary>
    public Dictionary<string, string> StoredPayloads { get; } = new();

    public IReadOnlyList<RenderedSend> Render(Reply reply, int? replyTo = null)
    {
        var sends = new List<RenderedSend>();
        var text = reply.Text.Replace("\r\n", "\n").TrimEnd();
        var keyboard = reply.Choices.Count == 0 ? null : Keyboard(reply.Choices);

        if (reply.File is { } file)
        {
            var isPhoto = file.ContentType is "image/png" or "image/jpeg" && file.Content.Length <= MaxPhotoBytes;
            var captionFits = text.Length <= MaxCaptionLength && keyboard is null;
            if (!captionFits && text.Length > 0)
                AddText(sends, text, keyboard, replyTo);
            sends.Add(new RenderedSend(new TelegramSend
            {
                Kind = isPhoto ? TelegramSend.Photo : TelegramSend.Document,
                Html = captionFits && text.Length > 0 ? ToHtml(text) : null,
                FileName = file.FileName,
                ContentType = file.ContentType,
                ReplyToMessageId = captionFits ? replyTo : null,
            }, file.Content));
            return sends;
        }

        AddText(sends, text.Length == 0 ? "…" : text, keyboard, replyTo);
        return sends;
    }

    private static void AddText(List<RenderedSend> sends, string text, IReadOnlyList<IReadOnlyList<TelegramButton>>? keyboard, int? replyTo)
    {
        var parts = SplitLines(text, MaxTextLength);
        for (var i = 0; i < parts.Count; i++)
            sends.Add(new RenderedSend(new TelegramSend
            {
                Kind = TelegramSend.Text,
                Html = ToHtml(parts[i]),
                Keyboard = i == parts.Count - 1 ? keyboard : null,
                ReplyToMessageId = i == 0 ? replyTo : null,
            }));
    }

    private IReadOnlyList<IReadOnlyList<TelegramButton>> Keyboard(IReadOnlyList<Choice> choices) =>
        choices.Select(c => (IReadOnlyList<TelegramButton>)[new TelegramButton(Label(c.Label), CallbackData(c.Payload))]).ToList();

    private static string Label(string label)
    {
        label = label.Replace('\n', ' ').Trim();
        if (label.Length == 0) return "…";
        return label.Length <= MaxButtonLabel ? label : Cut(label, MaxButtonLabel - 1) + "…";
    }

    /// <summary>The payload itself when it fits Telegram's 64 bytes; otherwise "~" and a short id of its content, remembered in <see cref="StoredPayloads"/>.</summary>
    public string CallbackData(string payload)
    {
        if (!payload.StartsWith(StoredPrefix) && Encoding.UTF8.GetByteCount(payload) <= 64) return payload;
        var id = StoredId(payload);
        StoredPayloads[id] = payload;
        return id;
    }

    public const char StoredPrefix = '~';

    /// <summary>"~" + 22 url-safe base64 characters of the payload's SHA-256: 23 bytes, the same id for the same payload.</summary>
    public static string StoredId(string payload)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(payload));
        return StoredPrefix + Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Escapes the text for parse_mode HTML; a line written "*Title*" becomes bold.</summary>
    public static string ToHtml(string text)
    {
        var lines = text.Split('\n');
        var html = new StringBuilder(text.Length + 32);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) html.Append('\n');
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length > 2 && trimmed[0] == '*' && trimmed[^1] == '*' && !trimmed[1..^1].Contains('*'))
                html.Append("<b>").Append(Escape(trimmed[1..^1])).Append("</b>");
            else
                html.Append(Escape(line));
        }
        return html.ToString();
    }

    /// <summary>Only &amp;, &lt; and &gt; need escaping in Telegram HTML text; everything else (emoji, quotes) stays as typed.</summary>
    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Parts of at most <paramref name="max"/> UTF-16 units (so also at most that many characters), cut after a line
    /// where possible, otherwise after a space, never inside a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> SplitLines(string text, int max)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max);
            var skip = 1;
            if (cut <= 0)
            {
                cut = rest.LastIndexOf(' ', max);
                if (cut <= 0) { cut = max; skip = 0; }
            }
            if (skip == 0 && char.IsHighSurrogate(rest[cut - 1])) cut--;
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0) parts.Add(part);
            rest = rest[(cut + skip)..].TrimStart('\n');
        }
        if (rest.Trim().Length > 0 || parts.Count == 0) parts.Add(rest);
        return parts;
    }

    private static string Cut(string s, int max) => char.IsHighSurrogate(s[max - 1]) ? s[..(max - 1)] : s[..max];
}

public static class TelegramSendJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(this TelegramSend send) => System.Text.Json.JsonSerializer.Serialize(send, Options);

    public static TelegramSend FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<TelegramSend>(json, Options)
        ?? throw new InvalidOperationException("Empty outbox payload.");
}
