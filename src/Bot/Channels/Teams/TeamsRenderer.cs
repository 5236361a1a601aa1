using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IkiBot.Bot.Channels.Telegram;
using IkiBot.Bot.Conversation;
using IkiBot.Knowledge.Answers;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>A rendered activity and the file it links to (kept out of the JSON payload).</summary>
public sealed record RenderedActivity(TeamsSend Send, byte[]? File = null);

/// <summary>
/// Turns the conversation's <see cref="Reply"/> into Teams activities: Markdown with all document text escaped and
/// "*title*" lines bold, long texts split so each activity stays well under Teams' size limit, choices as an
/// Adaptive Card with Action.Submit buttons (data = the payload), files as a short-lived download link (a PNG shown
/// as an image).
/// </summary>
public static partial class TeamsRenderer
{
    /// <summary>Teams refuses an activity past about 40 KB of UTF-16 (413); every activity stays under this.</summary>
    public const int MaxActivityUtf16Bytes = 40 * 1024;
    /// <summary>Characters of source text per message before escaping (the budget leaves room for escapes and JSON).</summary>
    public const int MaxPartChars = 7000;
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    /// <summary>Key of the choice payload in an Action.Submit's data (what Teams sends back as the message's value).</summary>
    public const string PayloadKey = "ikibot";
    public const string LabelKey = "pilihan";
    public const string ChooseHeading = "Pilih salah satu:";

    public static IReadOnlyList<RenderedActivity> Render(Reply reply, TeamsAddress to, string? replyTo = null)
    {
        var sends = new List<RenderedActivity>();
        var text = reply.Text.Replace("\r\n", "\n").TrimEnd();
        if (text.Length > 0 || (reply.Choices.Count == 0 && reply.File is null))
            foreach (var part in Split(text.Length == 0 ? "…" : text))
                sends.Add(new(to.Post(Message(part), sends.Count == 0 ? replyTo : null)));
        if (reply.Choices.Count > 0)
            sends.Add(new(to.Post(CardMessage(ChoiceCard(reply.Choices)), sends.Count == 0 ? replyTo : null)));
        if (reply.File is { } file)
            sends.Add(new(to.Post(new JsonObject { ["type"] = "message", ["textFormat"] = "markdown" }, sends.Count == 0 ? replyTo : null,
                file.FileName, file.ContentType), file.Content));
        return sends;
    }

    /// <summary>The card after a press: the buttons gone, what was chosen in their place (so it cannot be pressed twice).</summary>
    public static JsonObject PressedCard(string? label) => CardMessage(new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.4",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["body"] = new JsonArray(TextBlock("Pilihan Anda: " + EscapeCardText(string.IsNullOrWhiteSpace(label) ? "sudah dipilih" : label))),
    });

    /// <summary>A file's message once its link exists: an image shown inline, anything else as a download link.</summary>
    public static JsonObject WithFileLink(JsonObject activity, string fileName, string contentType, string url, TimeSpan lifetime)
    {
        var copy = (JsonObject)activity.DeepClone();
        var minutes = Math.Max(1, (int)Math.Round(lifetime.TotalMinutes));
        if (contentType is "image/png" or "image/jpeg")
        {
            copy["attachments"] = new JsonArray(new JsonObject { ["contentType"] = contentType, ["contentUrl"] = url, ["name"] = fileName });
            copy["text"] = $"{EscapeMarkdown(fileName)} (tautan berlaku {minutes} menit)";
        }
        else
            copy["text"] = $"Unduh **{EscapeMarkdown(fileName)}**: [{EscapeMarkdown(fileName)}]({url}) (tautan berlaku {minutes} menit)";
        return copy;
    }

    private static JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["textFormat"] = "markdown",
        ["text"] = ToMarkdown(text),
    };

    private static JsonObject CardMessage(JsonObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = CardContentType, ["content"] = card }),
    };

    private static JsonObject ChoiceCard(IReadOnlyList<Choice> choices)
    {
        var actions = new JsonArray();
        foreach (var c in choices)
            actions.Add(new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = Label(c.Label),
                ["data"] = new JsonObject { [PayloadKey] = c.Payload, [LabelKey] = Label(c.Label) },
            });
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["body"] = new JsonArray(TextBlock(ChooseHeading)),
            ["actions"] = actions,
        };
    }

    private static JsonObject TextBlock(string text) => new() { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };

    private static string Label(string label)
    {
        label = label.Replace('\n', ' ').Trim();
        if (label.Length == 0) return "…";
        return label.Length <= 80 ? label : label[..79] + "…";
    }

    /// <summary>Parts that each render to an activity under the size limit, cut after a line where possible.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        foreach (var part in TelegramRenderer.SplitLines(text, MaxPartChars))
            SplitToFit(part, parts);
        return parts;
    }

    private static void SplitToFit(string part, List<string> into)
    {
        if (Utf16Bytes(Message(part)) <= MaxActivityUtf16Bytes - 2048 || part.Length < 200)
        {
            into.Add(part);
            return;
        }
        foreach (var half in TelegramRenderer.SplitLines(part, part.Length / 2 + 1)) SplitToFit(half, into);
    }

    /// <summary>The size Teams counts: the activity's JSON in UTF-16.</summary>
    public static int Utf16Bytes(JsonNode activity) => activity.ToJsonString(TeamsJson.Options).Length * 2;

    /// <summary>
    /// Markdown Teams renders: a line written "*Title*" is bold, "- " and "• " lines stay list items, every other
    /// character that Markdown or HTML would read is escaped, and lines are kept apart (Teams joins single newlines).
    /// </summary>
    public static string ToMarkdown(string text)
    {
        var lines = text.Split('\n');
        var md = new StringBuilder(text.Length + 64);
        var previousWasList = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.Trim();
            var isList = trimmed.StartsWith("- ") || trimmed.StartsWith("• ");
            if (i > 0) md.Append(isList && previousWasList ? "\n" : "\n\n");
            if (trimmed.Length > 2 && trimmed[0] == '*' && trimmed[^1] == '*' && !trimmed[1..^1].Contains('*'))
                md.Append("**").Append(EscapeMarkdown(trimmed[1..^1])).Append("**");
            else if (isList)
                md.Append("- ").Append(EscapeMarkdown(trimmed[2..]));
            else
                md.Append(EscapeLineStart(EscapeMarkdown(line)));
            previousWasList = isList;
        }
        return md.ToString();
    }

    /// <summary>Markdown and HTML characters made literal: \ ` * _ [ ] ( ) # + ! | ~ with a backslash, &lt; &gt; &amp; as entities.</summary>
    public static string EscapeMarkdown(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var ch in s)
            switch (ch)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '+' or '!' or '|' or '~':
                    sb.Append('\\').Append(ch);
                    break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                default: sb.Append(ch); break;
            }
        return sb.ToString();
    }

    /// <summary>"4. text" stays row number 4 (not renumbered as a Markdown list), "- x" at a line start stays literal text.</summary>
    private static string EscapeLineStart(string line)
    {
        var m = NumberedLine().Match(line);
        if (m.Success) return line[..(m.Length - 1)] + "\\." + line[m.Length..];
        var lead = line.Length - line.TrimStart().Length;
        return line.TrimStart().StartsWith('-') ? line[..lead] + "\\" + line[lead..] : line;
    }

    /// <summary>Adaptive Card TextBlocks read a little Markdown; the label is shown as typed.</summary>
    public static string EscapeCardText(string s) => EscapeMarkdown(s);

    [GeneratedRegex(@"^\s*\d+\.")]
    private static partial Regex NumberedLine();
}
