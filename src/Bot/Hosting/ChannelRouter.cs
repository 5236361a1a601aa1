using IkiBot.Bot.Conversation;

namespace IkiBot.Bot.Hosting;

/// <summary>Proactive messages (reminders, digests) to whichever channel the user is on, among those this process runs.</summary>
public sealed class ChannelRouter(IReadOnlyDictionary<string, IOutgoingSender> senders) : IOutgoingSender
{
    public Task<SendResult> SendAsync(Outgoing message, CancellationToken ct = default) =>
        senders.TryGetValue(message.Channel, out var sender)
            ? sender.SendAsync(message, ct)
            : Task.FromResult(new SendResult(SendStatus.Failed, $"kanal {message.Channel} tidak berjalan di proses ini"));
}
