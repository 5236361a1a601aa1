using System.Collections.Concurrent;
using IkiBot.Knowledge.Answers;

namespace IkiBot.Bot.Conversation;

/// <summary>The choices last shown to each user, so "2" can be answered on a console or a phone without buttons.</summary>
public sealed class ChoiceMemory
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Choice>> _last = new();

    public void Remember(string user, IReadOnlyList<Choice> choices)
    {
        if (choices.Count > 0) _last[user] = choices;
    }

    public string? Resolve(string user, string text)
    {
        if (!int.TryParse(text.Trim(), out var n) || !_last.TryGetValue(user, out var choices)) return null;
        // Rows offered as "4. ..." are answered with the row number the user sees, not the button's position.
        var numbered = choices.FirstOrDefault(c => c.Label.StartsWith($"{n}. ", StringComparison.Ordinal));
        if (numbered is not null) return numbered.Payload;
        if (choices.Any(c => char.IsDigit(c.Label[0]))) return null;
        return n >= 1 && n <= choices.Count ? choices[n - 1].Payload : null;
    }

    public void Forget(string user) => _last.TryRemove(user, out _);
}
