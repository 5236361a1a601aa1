using System.Collections.Concurrent;
using IkiBot.Knowledge.Answers;

namespace IkiBot.Bot.Conversation;

/// <summary>
/// The question with choices last put to each user, so "2" (or "ya") can be answered on a console or a phone without
/// buttons, and a number that was not offered gets the same question again instead of being read as something new.
/// </summary>
public sealed class ChoiceMemory
{
    private readonly ConcurrentDictionary<string, Reply> _last = new();

    /// <summary>Keeps the last reply when it offers choices; any other reply closes the question.</summary>
    public void Remember(string user, Reply? reply)
    {
        if (reply is { Choices.Count: > 0 }) _last[user] = reply;
        else _last.TryRemove(user, out _);
    }

    /// <summary>The open question, if any.</summary>
    public Reply? Pending(string user) => _last.TryGetValue(user, out var reply) ? reply : null;

    public string? Resolve(string user, string text)
    {
        if (!_last.TryGetValue(user, out var reply)) return null;
        var choices = reply.Choices;
        var typed = text.Trim();
        // A short answer that is a choice's own label ("ya", "tidak").
        var byLabel = choices.FirstOrDefault(c => c.Label.Length <= 12 && c.Label.Equals(typed, StringComparison.OrdinalIgnoreCase));
        if (byLabel is not null) return byLabel.Payload;
        if (!int.TryParse(typed, out var n)) return null;
        // Rows offered as "4. ..." are answered with the row number the user sees, not the button's position.
        var numbered = choices.FirstOrDefault(c => c.Label.StartsWith($"{n}. ", StringComparison.Ordinal));
        if (numbered is not null) return numbered.Payload;
        if (choices.Any(c => char.IsDigit(c.Label[0]))) return null;
        return n >= 1 && n <= choices.Count ? choices[n - 1].Payload : null;
    }

    public void Forget(string user) => _last.TryRemove(user, out _);
}
