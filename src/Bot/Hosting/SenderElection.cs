using IkiBot.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IkiBot.Bot.Hosting;

/// <summary>
/// Several replicas on one PostgreSQL: only the holder of the sender lease sends the outbox, so each row goes out from
/// one process and one <see cref="Channels.Telegram.SendPacer"/> keeps the global rate and the priorities. The lease is
/// taken or renewed every <see cref="Renew"/> for <see cref="Lease"/> (database clock); locally the holder stops
/// <see cref="Margin"/> before its lease can run out (counted from before the renewal was asked), so its last send and
/// the next holder's first are more than the pacer's window apart. On SQLite the lease is always held.
/// </summary>
public sealed class SenderElection(SenderLeaseStore store, TimeProvider time, ILogger<SenderElection> log) : BackgroundService
{
    public const string Name = "outbox";
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan Renew = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private TaskCompletionSource<CancellationToken> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This process in the lease row: host, process id and a random part (a restarted process is another holder).</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// How often the sender looks for new rows without being woken: a reply queued by another replica cannot wake it,
    /// so on a shared database every 250 ms (one indexed query); alone, the committing process wakes it, so every 5 s.
    /// </summary>
    public TimeSpan OutboxCheck => store.IsShared ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromSeconds(5);

    private TimeProvider Time => time;

    /// <summary>Several replicas may share the database (PostgreSQL).</summary>
    public bool IsShared => store.IsShared;

    /// <summary>Registers the one election of the process (Telegram and Teams share it), before the outboxes that wait for it.</summary>
    public static void AddTo(IServiceCollection services, IkiDbContextFactory database)
    {
        if (services.Any(d => d.ServiceType == typeof(SenderElection))) return;
        services.TryAddSingleton(new SenderLeaseStore(database));
        services.AddSingleton<SenderElection>();
        services.AddHostedService(sp => sp.GetRequiredService<SenderElection>());
    }

    /// <summary>
    /// Waits until this process holds the lease. The returned source (the caller disposes it) is cancelled as soon as
    /// the process may no longer send, or when <paramref name="ct"/> is (the host stopping).
    /// </summary>
    public async Task<CancellationTokenSource> HoldAsync(CancellationToken ct)
    {
        if (!store.IsShared) return CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<CancellationToken> held;
        lock (_gate) held = _held.Task;
        var term = await held.WaitAsync(ct);
        return CancellationTokenSource.CreateLinkedTokenSource(term, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> once per term this process holds the lease, with a token that ends with the term
    /// (without an election: once, until the host stops), until the host stops or <paramref name="work"/> returns false.
    /// <paramref name="standingBy"/> is called when the lease is not had within two renewals (another replica holds it).
    /// </summary>
    public static async Task ForEachTermAsync(SenderElection? election, Func<CancellationToken, Task<bool>> work,
        CancellationToken stopping, Action? standingBy = null)
    {
        while (!stopping.IsCancellationRequested)
        {
            CancellationTokenSource? term = null;
            if (election is not null)
            {
                var hold = election.HoldAsync(stopping);
                if (standingBy is not null && election.IsShared
                    && await Task.WhenAny(hold, Task.Delay(Renew * 2, election.Time, stopping)) != hold
                    && !stopping.IsCancellationRequested)
                    standingBy();
                try { term = await hold; }
                catch (OperationCanceledException) { return; }
            }
            using (term)
                if (!await work(term?.Token ?? stopping)) return;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!store.IsShared) return;
        var waitingSaid = false;
        while (!stopping.IsCancellationRequested)
        {
            var asked = time.GetTimestamp();
            if (!await TryHoldAsync(stopping))
            {
                if (!waitingSaid)
                {
                    waitingSaid = true;
                    string? other = null;
                    try { other = await store.HolderAsync(Name, stopping); } catch (Exception) when (!stopping.IsCancellationRequested) { }
                    log.LogInformation("Replika lain ({Holder}) sedang mengirim pesan keluar; replika ini menerima update dan mengantre balasan, " +
                                       "dan mengambil alih bila replika itu berhenti (another replica sends the outbox; this one stands by)", other ?? "?");
                }
                if (!await SleepAsync(Renew, stopping)) break;
                continue;
            }
            waitingSaid = false;

            using var term = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
            var held = _held;
            // The moment the term ends (its timer, or the loop below) callers wait for the next one.
            term.Token.Register(() =>
            {
                lock (_gate)
                    if (_held == held) _held = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            });
            Extend(term, asked);
            log.LogInformation("Replika ini ({Holder}) memegang giliran kirim pesan keluar (this replica now sends the outbox)", Holder);
            held.TrySetResult(term.Token);

            while (!stopping.IsCancellationRequested && !term.IsCancellationRequested)
            {
                if (!await SleepAsync(Renew, stopping)) break;
                asked = time.GetTimestamp();
                if (!await TryHoldAsync(stopping) || term.IsCancellationRequested) break;
                Extend(term, asked);
            }

            await term.CancelAsync();
            if (stopping.IsCancellationRequested)
            {
                try { await store.ReleaseAsync(Name, Holder, CancellationToken.None); }
                catch (Exception e) { log.LogWarning("Melepas giliran kirim gagal ({Error}); replika lain mengambil alih setelah {Lease}", e.Message, Lease); }
                break;
            }
            log.LogWarning("Replika ini ({Holder}) tidak lagi memegang giliran kirim; pengiriman berhenti sampai giliran didapat lagi " +
                           "(this replica lost the outbox lease)", Holder);
        }
    }

    /// <summary>The term ends <see cref="Margin"/> before the lease asked for at <paramref name="asked"/> can run out.</summary>
    private void Extend(CancellationTokenSource term, long asked)
    {
        var left = Lease - Margin - time.GetElapsedTime(asked);
        if (left > TimeSpan.Zero) term.CancelAfter(left);
        else term.Cancel();
    }

    private async Task<bool> TryHoldAsync(CancellationToken stopping)
    {
        try
        {
            return await store.TryHoldAsync(Name, Holder, Lease, stopping);
        }
        catch (Exception e) when (!stopping.IsCancellationRequested)
        {
            log.LogWarning("Giliran kirim tidak dapat diperbarui: {Error}", e.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> SleepAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, time, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
