using IkiBot.Knowledge.Answers;

namespace IkiBot.Bot.Conversation;

/// <summary>A file the bot sends (an export, a chart).</summary>
public sealed record ReplyFile(string FileName, string ContentType, byte[] Content);

/// <summary>What the bot says back: text (a "*title*" line may be shown bold), choices as buttons, an optional file.</summary>
public sealed record Reply(string Text, IReadOnlyList<Choice> Choices, ReplyFile? File = null)
{
    public Reply(string text) : this(text, []) { }

    /// <summary>The text already lists the choices with their numbers (a question back); the console need not repeat them.</summary>
    public bool ChoicesInText { get; init; }

    public static Reply From(Answer answer) => new(answer.Text, answer.Choices) { ChoicesInText = answer.ChoicesInText };
}

/// <summary>A reply addressed to someone other than the sender (an admin asked to approve, say).</summary>
/// <param name="Key">Names this message for good (a reminder: kind, slot, user, part): a sender that queues it twice under the same key queues it once.</param>
public sealed record Outgoing(string Channel, string UserId, Reply Reply, string? Key = null);

public sealed record TurnResult(IReadOnlyList<Reply> Replies, IReadOnlyList<Outgoing> Others)
{
    public TurnResult(params Reply[] replies) : this(replies, []) { }
    public string Text => string.Join("\n\n", Replies.Select(r => r.Text));
}
