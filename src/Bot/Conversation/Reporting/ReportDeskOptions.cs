namespace IkiBot.Bot.Conversation.Reporting;

public sealed record ReportDeskOptions
{
    /// <summary>Channel user ids ("123" or "telegram:123") that are admins from the start.</summary>
    public IReadOnlyList<string> Admins { get; init; } = [];
}
