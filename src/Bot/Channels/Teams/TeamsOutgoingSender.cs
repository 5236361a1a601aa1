using IkiBot.Bot.Conversation;
using IkiBot.Data;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>
/// Messages the bot starts itself (reminders, digests) to a Teams user: posted to the conversation reference saved
/// from their first message or the install, through the same durable outbox as replies, as bulk (answers someone is waiting for go first).
/// </summary>
public sealed class TeamsOutgoingSender(ChannelDeliveryStore store, TeamsConversationStore conversations, TeamsOutbox outbox) : IOutgoingSender
{
    public async Task<SendResult> SendAsync(Outgoing message, CancellationToken ct = default)
    {
        if (message.Channel != TeamsOptions.Channel)
            return new SendResult(SendStatus.Failed, $"bukan pengguna Teams: {message.Channel}:{message.UserId}");
        if (await conversations.FindAsync(message.UserId, ct) is not { } reference)
            return new SendResult(SendStatus.Failed, $"belum ada percakapan Teams dengan {message.UserId} (pengguna belum pernah menulis ke bot)");
        var drafts = TeamsRenderer.Render(message.Reply, TeamsActivityHandler.AddressOf(reference))
            .Select(r => TeamsActivityHandler.Draft(r.Send, r.File) with { Priority = OutboxPriority.Bulk }).ToList();
        // With a key a second call (a reminder claim taken over after a crash) finds it handled and queues nothing.
        var id = message.Key is { } key ? "proaktif:" + key : $"proaktif:{Guid.NewGuid():N}";
        await store.CommitAsync(TeamsOptions.Channel, id, null, drafts, null, ct);
        outbox.Wake();
        return SendResult.Queued;
    }
}
