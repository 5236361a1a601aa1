namespace IkiBot.Bot.Conversation;

/// <summary>The reporting half of the conversation: registration, one-message reports and their commands.</summary>
public interface IReportDesk
{
    Task<TurnResult> StartAsync(Incoming message, string welcome, CancellationToken ct);
    Task<bool> LooksLikeReportAsync(Incoming message, string text, CancellationToken ct);
    Task<TurnResult?> HandleReportAsync(Incoming message, string text, CancellationToken ct);
    /// <summary>Null when the command is not a reporting command.</summary>
    Task<TurnResult?> HandleCommandAsync(Incoming message, string command, string argument, CancellationToken ct);
    /// <summary>The sender's jabatan when they are an active reporter ("/indikator" alone means theirs).</summary>
    Task<string?> JabatanOfAsync(Incoming message, CancellationToken ct) => Task.FromResult<string?>(null);
    /// <summary>Forgets a report waiting for a choice; true when there was one.</summary>
    Task<bool> DropPendingAsync(Incoming message, CancellationToken ct) => Task.FromResult(false);
}
