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
    public static void UseLargeBuffer()
    {
        if (Assembly.GetEntryAssembly() != typeof(Program).Assembly) return;
        var encoding = Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? new UTF8Encoding(false) : Console.OutputEncoding;
        var writer = new StreamWriter(Console.OpenStandardOutput(), encoding, 64 * 1024) { AutoFlush = true };
        Console.SetOut(TextWriter.Synchronized(writer));
    }
}
