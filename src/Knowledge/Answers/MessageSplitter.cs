namespace IkiBot.Knowledge.Answers;

public static class MessageSplitter
{
    /// <summary>Splits text into parts of at most <paramref name="max"/> characters, at line boundaries where possible.</summary>
    public static IReadOnlyList<string> Split(string text, int max = 4000)
    {
        if (text.Length <= max) return [text];
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var rest = line;
            while (rest.Length > max)
            {
                Flush();
                parts.Add(rest[..max]);
                rest = rest[max..];
            }
            if (current.Length + rest.Length + 1 > max) Flush();
            if (current.Length > 0) current.Append('\n');
            current.Append(rest);
        }
        Flush();
        return parts;

        void Flush()
        {
            if (current.Length == 0) return;
            parts.Add(current.ToString());
            current.Clear();
        }
    }
}
