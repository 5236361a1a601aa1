namespace IkiBot.Knowledge.Answers;

/// <summary>A button offered with an answer: what it says and what pressing it sends back.</summary>
public sealed record Choice(string Label, string Payload);

/// <summary>What the bot says: text (lines; "*bold*" on a title line) and optional choices.</summary>
public sealed record Answer(string Text, IReadOnlyList<Choice> Choices)
{
    public Answer(string text) : this(text, []) { }

    /// <summary>The text already lists the choices with their numbers; a text-only channel need not list them again.</summary>
    public bool ChoicesInText { get; init; }
}
