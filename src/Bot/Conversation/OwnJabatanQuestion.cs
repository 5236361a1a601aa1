using System.Text.RegularExpressions;
using IkiBot.Knowledge;
using IkiBot.Knowledge.Understanding;

namespace IkiBot.Bot.Conversation;

/// <summary>"indikator saya apa aja", "tugas saya": a question about the sender's own jabatan.</summary>
public static partial class OwnJabatanQuestion
{
    [GeneratedRegex(@"\b(saya|sy|aku|ku|gue|gw|sendiri)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Self();

    public static bool IsSelf(string argument) => Self().Replace(argument, "").Trim().Length == 0 && argument.Trim().Length > 0;

    /// <summary>The intent asked about when the message is short, names an intent and speaks of "saya"; otherwise null.</summary>
    public static Intent? Intent(IkiKnowledge knowledge, string text)
    {
        if (!Self().IsMatch(text) || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 5) return null;
        var words = knowledge.Questions.Reader.Read(text);
        if (IntentDetector.AsksWho(words)) return null;
        return IntentDetector.Explicit(words);
    }
}
