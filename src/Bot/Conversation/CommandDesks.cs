namespace IkiBot.Bot.Conversation;

/// <summary>Several command desks tried in order as one (supervision, then knowledge editing).</summary>
public sealed class CommandDesks(params ICommandDesk[] desks) : ICommandDesk, IDialogueDesk
{
    public async Task<TurnResult?> ContinueAsync(Incoming message, string text, CancellationToken ct)
    {
        foreach (var desk in desks.OfType<IDialogueDesk>())
            if (await desk.ContinueAsync(message, text, ct) is { } result) return result;
        return null;
    }

    public IReadOnlyList<string> HelpLines { get; } = desks.SelectMany(d => d.HelpLines).ToList();

    public async Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct)
    {
        foreach (var desk in desks)
            if (await desk.HandleCommandAsync(message, command, argument, ct) is { } result) return result;
        return null;
    }

    public async Task ObserveAsync(Incoming message, CancellationToken ct)
    {
        foreach (var desk in desks) await desk.ObserveAsync(message, ct);
    }
}
