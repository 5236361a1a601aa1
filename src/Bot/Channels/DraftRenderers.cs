using IkiBot.Bot.Conversation;
using IkiBot.Data;

namespace IkiBot.Bot.Channels;

/// <summary>A message rendered as one channel's outbox rows, with the long button payloads those rows name.</summary>
public sealed record ChannelDrafts(IReadOnlyList<OutboxDraft> Drafts, IReadOnlyDictionary<string, string> Buttons);

/// <summary>
/// One channel's way to turn a message for one of its users into its outbox rows, so that whichever channel's turn
/// produced the message can commit them in its own transaction; the channel's outbox then delivers them.
/// </summary>
public interface IDraftRenderer
{
    string Channel { get; }

    /// <summary>The rows (tagged with <see cref="Channel"/>), or null when the user cannot be reached on this channel.</summary>
    Task<ChannelDrafts?> RenderAsync(Outgoing message, CancellationToken ct);

    /// <summary>Rows were committed: the channel's outbox looks now.</summary>
    void Wake();
}

/// <summary>
/// Messages a turn has for other users (<see cref="TurnResult.Others"/>), rendered by the renderer of the channel each
/// user is on, among the channels this process runs. A message for a channel that does not run here is left out.
/// </summary>
public sealed class DraftRenderers(IEnumerable<IDraftRenderer> renderers)
{
    private readonly Dictionary<string, IDraftRenderer> _byChannel = renderers.ToDictionary(r => r.Channel);

    public async Task<ChannelDrafts> RenderAsync(IEnumerable<Outgoing> messages, Action<Outgoing> unreachable, CancellationToken ct)
    {
        var drafts = new List<OutboxDraft>();
        var buttons = new Dictionary<string, string>();
        foreach (var message in messages)
        {
            if (!_byChannel.TryGetValue(message.Channel, out var renderer) || await renderer.RenderAsync(message, ct) is not { } rendered)
            {
                unreachable(message);
                continue;
            }
            drafts.AddRange(rendered.Drafts);
            foreach (var (id, payload) in rendered.Buttons) buttons[id] = payload;
        }
        return new ChannelDrafts(drafts, buttons);
    }

    /// <summary>After the commit: wakes the outbox of every channel the drafts are for.</summary>
    public void Wake(IEnumerable<OutboxDraft> drafts)
    {
        foreach (var channel in drafts.Select(d => d.Channel).OfType<string>().Distinct())
            if (_byChannel.TryGetValue(channel, out var renderer)) renderer.Wake();
    }
}
