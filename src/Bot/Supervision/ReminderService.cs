using IkiBot.Bot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IkiBot.Bot.Supervision;

/// <summary>
/// The scheduler: on start it sends what is due today and was not sent (a restart in the middle of a Friday), then
/// sleeps on the <see cref="TimeProvider"/> until the next slot (at most an hour at a time, so a changed clock is noticed).
/// </summary>
public sealed class ReminderService(ReminderRunner runner, TimeProvider time, ILogger<ReminderService>? logger = null,
    SenderElection? election = null) : BackgroundService
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);
    private readonly ILogger _log = logger ?? (ILogger)NullLogger.Instance;
    private TaskCompletionSource<DateTimeOffset> _sleeping = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the wake-up moment once the loop is asleep (for tests driving a fake clock).</summary>
    public Task<DateTimeOffset> Sleeping => Volatile.Read(ref _sleeping).Task;

    /// <summary>Every slot the loop worked through, in order.</summary>
    public event Action<SlotOutcome>? Ran;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Several replicas: the one holding the sender lease plans and queues the slots (the per-user claims
                // would keep them once anyway; this keeps one planner). A new holder runs what is due and unfinished.
                if (election is not null) (await election.HoldAsync(stoppingToken)).Dispose();
                foreach (var outcome in await runner.RunDueAsync(stoppingToken))
                {
                    _log.LogInformation("Pengingat {Kind} {Slot}: {Sent} terkirim, {Skipped} dilewati, selesai={Finished}",
                        outcome.Kind, outcome.Slot, outcome.Deliveries.Count(d => d.Status is "terkirim" or "antri"), outcome.Skipped.Count, outcome.Finished);
                    Ran?.Invoke(outcome);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "Pengingat gagal dijalankan; dicoba lagi nanti");
            }

            var now = time.GetUtcNow();
            DateTimeOffset wake;
            try
            {
                wake = await runner.NextWakeAsync(stoppingToken) ?? now + MaxSleep;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "Jadwal pengingat tidak dapat dihitung");
                wake = now + ReminderRunner.RetryInterval;
            }
            var delay = wake - now;
            if (delay < TimeSpan.Zero) delay = TimeSpan.Zero;
            if (delay > MaxSleep) delay = MaxSleep;
            var sleeping = Volatile.Read(ref _sleeping);
            Volatile.Write(ref _sleeping, new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously));
            var nap = Task.Delay(delay, time, stoppingToken);
            sleeping.TrySetResult(now + delay);
            try
            {
                await nap;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
