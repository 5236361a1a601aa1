namespace IkiBot.Bot.Conversation;

/// <summary>One message that reached the bot, whatever the channel.</summary>
/// <param name="Channel">"telegram", "teams" or "console".</param>
/// <param name="UserId">The channel's id of the sender.</param>
/// <param name="MessageId">Unique per channel (Telegram update_id, Teams activity id): the idempotency key.</param>
/// <param name="Text">What was typed, or the payload of a pressed button.</param>
/// <param name="IsPrivate">False in a group chat, where reports are not taken.</param>
public sealed record Incoming(
    string Channel,
    string UserId,
    string DisplayName,
    string MessageId,
    string? Text,
    DateTimeOffset At,
    bool IsPrivate = true,
    IncomingFile? File = null);

/// <summary>A document sent with the message (an admin's new IKI document); fetched only when wanted.</summary>
public sealed record IncomingFile(string FileName, long Size, Func<CancellationToken, Task<byte[]>> DownloadAsync);
