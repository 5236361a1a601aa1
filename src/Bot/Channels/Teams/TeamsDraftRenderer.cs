using IkiBot.Bot.Conversation;
using IkiBot.Data;

namespace IkiBot.Bot.Channels.Teams;

/// <summary>A message for a Teams user as rows of Teams' outbox, to the conversation stored when they last wrote or installed the app.</summary>
public sealed class TeamsDraftRenderer(TeamsConversationStore conversations, TeamsOutbox outbox) : IDraftRenderer
{
    private static readonly IReadOnlyDictionary<string, string> NoButtons = new Dictionary<string, string>();

    public string Channel => TeamsOptions.Channel;

    public async Task<ChannelDrafts?> RenderAsync(Outgoing message, CancellationToken ct)
    {
        if (message.Channel != Channel || await conversations.FindAsync(message.UserId, ct) is not { } reference) return null;
        var drafts = TeamsRenderer.Render(message.Reply, TeamsActivityHandler.AddressOf(reference))
            .Select(r => TeamsActivityHandler.Draft(r.Send, r.File) with { Channel = Channel }).ToList();
        return new ChannelDrafts(drafts, NoButtons);
    }

    public void Wake() => outbox.Wake();
}
