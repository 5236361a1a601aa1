using System.Globalization;
using IkiBot.Bot.Conversation;
using IkiBot.Data;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>A message for a Telegram user (keyed by the numeric chat id) as rows of Telegram's outbox.</summary>
public sealed class TelegramDraftRenderer(TelegramOutbox outbox) : IDraftRenderer
{
    public string Channel => TelegramOptions.Channel;

    public Task<ChannelDrafts?> RenderAsync(Outgoing message, CancellationToken ct)
    {
        if (message.Channel != Channel || !long.TryParse(message.UserId, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            return Task.FromResult<ChannelDrafts?>(null);
        // Long button payloads are stored with the rows; a press looks them up (TelegramUpdateHandler).
        var renderer = new TelegramRenderer();
        var drafts = renderer.Render(message.Reply).Select(r => new OutboxDraft(message.UserId, r.Send.ToJson(), r.File, Channel)).ToList();
        return Task.FromResult<ChannelDrafts?>(new ChannelDrafts(drafts, renderer.StoredPayloads));
    }

    public void Wake() => outbox.Wake();
}
