using IkiBot.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Hosting;

/// <summary>
/// Forgets handled-message ids older than <see cref="KeepFor"/> (at start, then every <see cref="Every"/>). They only
/// guard against a platform resending an update, which Telegram gives up on within a day; reports keep their own
/// message id in Realisasi, so nothing is ever counted twice after pruning.
/// </summary>
public sealed class ProcessedMessagePruner(ProcessedMessageStore store, TimeProvider time, ILogger<ProcessedMessagePruner>? log = null) : BackgroundService
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                var removed = await store.PruneAsync(time.GetUtcNow() - KeepFor, ct);
                if (removed > 0) log?.LogInformation("{Count} id pesan yang sudah ditangani (lebih dari {Days} hari) dihapus", removed, KeepFor.TotalDays);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log?.LogWarning(e, "Pembersihan id pesan lama gagal; dicoba lagi nanti");
            }
        }
        while (await WaitAsync(timer, ct));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
