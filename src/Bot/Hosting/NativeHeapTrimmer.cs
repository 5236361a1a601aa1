using Microsoft.Extensions.Hosting;

namespace IkiBot.Bot.Hosting;

/// <summary>
/// Once a minute hands the C heap's free pages back to the system (<see cref="NativeHeap.Trim"/>): after a burst of
/// messages (charts, exports, SQLite page caches) glibc keeps what was freed, about 9 MB after the 1,000-message load
/// of <c>tools/memory/rss_bench.py</c>. A trim with nothing to give back costs well under a millisecond.
/// </summary>
public sealed class NativeHeapTrimmer(TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) NativeHeap.Trim();
        }
        catch (OperationCanceledException) { }
    }
}
