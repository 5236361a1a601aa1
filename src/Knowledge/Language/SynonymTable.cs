using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace IkiBot.Knowledge.Language;

/// <summary>
/// Words admins taught the bot (/sinonim kata = istilah dokumen): each whole word of a question that is a known
/// synonym is replaced by the document's words before the question is read. Swapped as a whole, so readers never
/// see a half-updated table.
/// </summary>
public sealed partial class SynonymTable
{
    private ImmutableDictionary<string, string> _map = ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    public IReadOnlyDictionary<string, string> Entries => _map;

    public void Set(IEnumerable<KeyValuePair<string, string>> entries) =>
        Volatile.Write(ref _map, ImmutableDictionary.CreateRange(StringComparer.OrdinalIgnoreCase, entries));

    public string? Apply(string? text)
    {
        var map = Volatile.Read(ref _map);
        if (text is null || map.Count == 0) return text;
        return Word().Replace(text, m => map.TryGetValue(m.Value, out var to) ? to : m.Value);
    }
}
