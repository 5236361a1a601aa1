namespace IkiBot.Knowledge.Model;

/// <summary>A line of the document the reader kept aside instead of dropping it.</summary>
public sealed record ImportIssue(int Line, string Text, string Reason);
