namespace IkiBot.Bot.Conversation;

/// <summary>The reporting half of the conversation: registration, one-message reports and their commands.</summary>
public interface IReportDesk
{
    Task<TurnResult> StartAsync(Incoming message, string welcome, CancellationToken ct);
    Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct);
    Task<TurnResult?> HandleReportAsync(Incoming message, string text, CancellationToken ct);
    /// <summary>Null when the command is not a reporting command.</summary>
    Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct);
}
