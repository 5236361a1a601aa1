using IkiBot.Knowledge.Answers;
using IkiBot.Knowledge.Reporting;

namespace IkiBot.Bot.Conversation.Reporting;

/// <summary>A report waiting for the user to say which row they meant; stored only after the choice.</summary>
public sealed record PendingReport(string Text, string MessageId, int Value, Periode Periode, IReadOnlyList<int> Rows, IReadOnlyList<Choice> Choices);
