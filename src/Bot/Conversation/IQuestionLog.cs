namespace IkiBot.Bot.Conversation;

/// <summary>Where the conversation notes a question it could not answer, or a question back the user left.</summary>
public interface IQuestionLog
{
    /// <param name="kind">"tidak-terjawab" or "ditinggalkan".</param>
    Task UnansweredAsync(Incoming message, string question, string kind, IReadOnlyList<string> offered, CancellationToken ct);
}
