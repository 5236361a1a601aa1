using System.Globalization;
using IkiBot.Bot.Conversation;
using IkiBot.Data;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// Messages the bot starts itself (reminders, digests) go through the same durable outbox as replies, so they keep
/// to the same rate limits and survive a restart. They are bulk: answers someone is waiting for go first. Whether the user blocked the bot is learned when the outbox sends.
/// </summary>
public sealed class TelegramOutgoingSender(ChannelDeliveryStore store, TelegramOutbox outbox) : IOutgoingSender
{
    public async Task<SendResult> SendAsync(Outgoing message, CancellationToken ct = default)
    {
        if (message.Channel != TelegramOptions.Channel || !long.TryParse(message.UserId, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            return new SendResult(SendStatus.Failed, $"bukan pengguna Telegram: {message.Channel}:{message.UserId}");
        var renderer = new TelegramRenderer();
        var drafts = renderer.Render(message.Reply).Select(r => new OutboxDraft(message.UserId, r.Send.ToJson(), r.File, Priority: OutboxPriority.Bulk)).ToList();
        // With a key a second call (a reminder claim taken over after a crash) finds it handled and queues nothing.
        var id = message.Key is { } key ? "proaktif:" + key : $"proaktif:{Guid.NewGuid():N}";
        await store.CommitAsync(TelegramOptions.Channel, id, null, drafts, renderer.StoredPayloads, ct);
        outbox.Wake();
        return SendResult.Queued;
    }
}
