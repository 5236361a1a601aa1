namespace IkiBot.Bot.Conversation;

/// <summary>A desk that may be in the middle of a short dialogue with a user and takes their next plain message.</summary>
public interface IDialogueDesk
{
    /// <summary>Null when this user has no dialogue open here.</summary>
    Task<TurnResult?> ContinueAsync(Incoming message, string text, CancellationToken ct);
}
