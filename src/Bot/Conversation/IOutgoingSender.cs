namespace IkiBot.Bot.Conversation;

public enum SendStatus
{
    /// <summary>The platform accepted the message.</summary>
    Delivered,
    /// <summary>The message is in the channel's durable outgoing queue; the queue delivers it within the channel's limits.</summary>
    Queued,
    /// <summary>The user blocked the bot (Telegram 403 "bot was blocked by the user"): do not try again.</summary>
    Blocked,
    /// <summary>Anything else (network, rate limit, no adapter for that channel in this process): may be tried again later.</summary>
    Failed,
}

public sealed record SendResult(SendStatus Status, string? Error = null)
{
    public static readonly SendResult Delivered = new(SendStatus.Delivered);
    public static readonly SendResult Queued = new(SendStatus.Queued);
    public bool Succeeded => Status is SendStatus.Delivered or SendStatus.Queued;
}

/// <summary>
/// Sends a message the bot starts itself (weekly reminder, supervisor digest) to one user of one channel.
/// A channel adapter implements it over the same outgoing queue as its replies; it says whether the user blocked the bot.
/// </summary>
public interface IOutgoingSender
{
    Task<SendResult> SendAsync(Outgoing message, CancellationToken ct = default);
}
