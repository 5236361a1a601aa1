using System.Reflection;
using System.Text;

namespace IkiBot.Bot.Cli;

/// <summary>
/// <see cref="Console.Out"/> writes through a 256-character buffer: a 64 KB block of a listing becomes 256 write(2)
/// calls (84k for a month of 83k entries). As the ikibot program (not when tests host <see cref="Program.Main"/> with
/// their own writer), standard output gets a 64 KB buffer that still flushes after every write, so the terminal chat
/// shows each answer at once.
/// </summary>
public static class StandardOutput
{
    private static TextWriter? _installed;
    private static Stream? _utf8;

    public static void UseLargeBuffer()
    {
        if (Assembly.GetEntryAssembly() != typeof(Program).Assembly) return;
        var utf8 = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage;
        var stream = Console.OpenStandardOutput();
        var writer = new StreamWriter(stream, utf8 ? new UTF8Encoding(false) : Console.OutputEncoding, 64 * 1024) { AutoFlush = true };
        _installed = TextWriter.Synchronized(writer);
        _utf8 = utf8 ? stream : null;
        Console.SetOut(_installed);
    }

    /// <summary>
    /// The UTF-8 byte stream behind <paramref name="output"/> when it is this program's standard output: a listing
    /// already encoded as UTF-8 goes out as it is instead of through a string and back (a quarter of `realisasi list`).
    /// </summary>
    public static Stream? Utf8BytesOf(TextWriter output)
    {
        if (_utf8 is null || !ReferenceEquals(output, _installed)) return null;
        output.Flush();
        return _utf8;
    }
}
