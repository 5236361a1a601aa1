using System.Text.RegularExpressions;

namespace IkiBot.Bot.Conversation;

/// <summary>"batal", "gak jadi", "tidak": a user dropping the question the bot just asked.</summary>
public static partial class CancelWords
{
    [GeneratedRegex(@"^(?:/batal|batal(?:kan)?|cancel|(?:gak|ga|gk|nggak|ngga|enggak|engga|tidak|tdk|ndak|nda)(?:\s+jadi)?|(?:jangan|tak|ora)\s+jadi)[\s.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Drop();

    public static bool Matches(string text) => Drop().IsMatch(text.Trim());

    /// <summary>"batal" alone (no question open) means the /batal command.</summary>
    public static bool IsBatal(string text) => text.Trim().TrimEnd('.', '!').Equals("batal", StringComparison.OrdinalIgnoreCase);
}
