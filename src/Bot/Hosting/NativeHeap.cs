using System.Runtime.InteropServices;

namespace IkiBot.Bot.Hosting;

/// <summary>
/// The C heap under the runtime (SQLite's page caches, Skia while drawing a chart, the runtime's own tables). glibc
/// gives a thread that finds the heap busy an arena of its own, up to 8 per core, and memory freed in an arena stays
/// there: under a load of 1,000 messages that was about 13 MB of the resident size that never came back (issue 8 item
/// 10, <c>tools/memory/rss_bench.py</c>). Two arenas are enough for a bot that handles one update at a time.
/// Does nothing outside Linux or on a C library without these calls (musl, for instance).
/// </summary>
public static class NativeHeap
{
    private const int MArenaMax = -8; // M_ARENA_MAX in malloc.h

    /// <summary>As early as possible (first thing in Main): arenas already made stay, only new ones are refused.</summary>
    public static void LimitArenas(int arenas = 2)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return;
        try { _ = Mallopt(MArenaMax, arenas); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    /// <summary>Hands the free pages of every arena back to the system (after a burst of work).</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { _ = MallocTrim(0); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int param, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
