namespace IkiBot.Bot.Conversation;

/// <summary>A further set of slash commands (supervision: /rekap for atasan, /ekspor, /grafik, /pengingat), tried before the reporting desk.</summary>
public interface ICommandDesk
{
    /// <summary>Lines added to /bantuan.</summary>
    IReadOnlyList<string> HelpLines { get; }

    /// <summary>Null when the command is not this desk's (or, like /rekap from a staf user, is left to the reporting desk).</summary>
    Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct);

    /// <summary>Sees every message before it is routed (e.g. a user who had blocked the bot is writing again).</summary>
    Task ObserveAsync(Incoming message, CancellationToken ct);
}
