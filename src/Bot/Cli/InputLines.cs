using System.Text;

namespace IkiBot.Bot.Cli;

/// <summary>
/// Reads stdin batches (ask --json, report --json) one line per '\n'. Unlike TextReader.ReadLine, a bare '\r' does
/// not end a line (it stays in the text); only the '\r' of a "\r\n" pair is dropped.
/// </summary>
public static class InputLines
{
    public static IEnumerable<string> Read(TextReader reader)
    {
        var buffer = new char[8192];
        var line = new StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n') continue;
                line.Append(buffer, start, i - start);
                yield return TakeLine(line);
                start = i + 1;
            }
            line.Append(buffer, start, read - start);
        }
        if (line.Length > 0) yield return TakeLine(line);
    }

    private static string TakeLine(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r') line.Length--;
        var text = line.ToString();
        line.Clear();
        return text;
    }

    /// <summary>Replaces lone UTF-16 surrogates (from "\ud800" escapes or broken input) by U+FFFD, so the text can be written as JSON.</summary>
    public static string Clean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsSurrogate(text[i])) continue;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)); // the UTF-8 encoder substitutes U+FFFD
        }
        return text;
    }
}
