using IkiBot.Bot.Channels.Telegram;
using IkiBot.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IkiBot.Bot.Hosting;

/// <summary>How a channel's outbox sends: the limits and retry policy (from the channel's options).</summary>
public sealed record OutboxPolicy(
    TimeSpan SendTimeout, int SendRetries, TimeSpan SendRetryBaseDelay, TimeSpan SendRoundPause, int MaxSendRounds);

/// <summary>
/// Sends what a channel's handler committed to the shared outbox table (rows keyed by channel): one worker per chat
/// keeps that chat's order, the <see cref="SendPacer"/> keeps the rates and serves interactive rows before bulk ones, Polly retries transient failures with
/// backoff, and a 429 pauses the chat for the wait it names. A row leaves the table only once the platform accepted
/// it; a refusal for good keeps it, marked failed; a restart sends what was left. A channel supplies how to read a
/// row's payload (<typeparamref name="TSend"/>), the call, and how to read its errors.
/// </summary>
public abstract class ChannelOutbox<TSend> : BackgroundService
{
    private readonly ChannelDeliveryStore _store;
    private readonly SendPacer _pacer;
    private readonly TimeProvider _time;
    private readonly OutboxPolicy _policy;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Dictionary<string, Queue<OutboxMessage>> _queues = new();
    private readonly HashSet<Task> _workers = new();
    private long _loaded;
    private readonly SenderElection? _election;
    private long _delivered;
    private static readonly ResiliencePropertyKey<string> ChatKey = new("outbox.chat");

    protected ChannelOutbox(string channel, ChannelDeliveryStore store, SendPacer pacer, TimeProvider time, OutboxPolicy policy, ILogger log,
        SenderElection? election = null)
    {
        _election = election;
        Channel = channel;
        _store = store;
        _pacer = pacer;
        _time = time;
        _policy = policy;
        Log = log;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is TimeoutRejectedException || IsTransient(e)),
                MaxRetryAttempts = policy.SendRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.SendRetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                // A 429 pauses the chat in the pacer (see OnRetry); the next attempt waits there.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Exception) is null ? null : TimeSpan.Zero),
                OnRetry = args =>
                {
                    var chat = args.Context.Properties.GetValue(ChatKey, "");
                    if (RetryAfter(args.Outcome.Exception) is { } wait)
                    {
                        _pacer.Pause(chat, wait);
                        Log.LogWarning("{Channel} 429 untuk {Chat}: tunggu {Seconds} detik", Channel, chat, wait.TotalSeconds);
                    }
                    else
                        Log.LogWarning("Kirim {Channel} ke {Chat} gagal (percobaan {Attempt}): {Error}; dicoba lagi dalam {Delay}",
                            Channel, chat, args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(policy.SendTimeout).Build();
    }

    public string Channel { get; }
    protected ILogger Log { get; }

    /// <summary>Messages the platform accepted since start (for the bench and tests).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Called with the chat id when the platform says the user blocked or removed the bot.</summary>
    public Func<string, Task>? UserBlocked { get; set; }

    /// <summary>The row's payload as the channel wrote it; throws when it cannot be read.</summary>
    protected abstract TSend Read(OutboxMessage row);
    /// <summary>Makes the platform call for one row; throws on failure.</summary>
    protected abstract Task SendAsync(OutboxMessage row, TSend send, CancellationToken ct);
    /// <summary>Worth trying again (429, 5xx, no answer, a timeout).</summary>
    protected abstract bool IsTransient(Exception e);
    /// <summary>The wait a 429 asked for, if this is one.</summary>
    protected abstract TimeSpan? RetryAfter(Exception? e);
    protected abstract bool IsBlocked(Exception e);
    protected virtual string Describe(Exception? e) => e is null ? "?" : $"{e.GetType().Name}: {e.Message}";
    /// <summary>The platform refused because what the row asks for is already so (a keyboard already cleared).</summary>
    protected virtual bool IsAlreadyDone(TSend send, Exception e) => false;
    /// <summary>Waits until the channel can send (false: it never will in this run; the rows wait for the next).</summary>
    protected virtual Task<bool> ReadyAsync(CancellationToken stopping) => Task.FromResult(true);

    /// <summary>Something new was committed to the outbox: look now rather than at the next periodic check.</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!await ReadyAsync(stopping)) return;
        // Several replicas: only the lease holder sends; the term ends when it may no longer (see SenderElection).
        await SenderElection.ForEachTermAsync(_election, async term =>
        {
            await SendWhileHeldAsync(term);
            return true;
        }, stopping);
    }

    /// <summary>Reads the pending rows from the start and sends them until <paramref name="ct"/> ends the term.</summary>
    private async Task SendWhileHeldAsync(CancellationToken ct)
    {
        _loaded = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    var rows = await _store.PendingAsync(Channel, _loaded, 500, ct);
                    foreach (var row in rows)
                    {
                        _loaded = row.Id;
                        Enqueue(row, ct);
                    }
                    if (rows.Count == 500) continue;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    Log.LogError(e, "Membaca antrean keluar {Channel} gagal", Channel);
                }
                await _wake.WaitAsync(_election?.OutboxCheck ?? TimeSpan.FromSeconds(5), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }

        Task[] running;
        lock (_queues) running = _workers.ToArray();
        try { await Task.WhenAll(running); }
        catch { /* each worker logged its own trouble; cancellation leaves rows for the next start */ }
    }

    private void Enqueue(OutboxMessage row, CancellationToken ct)
    {
        lock (_queues)
        {
            if (_queues.TryGetValue(row.ChatId, out var queue))
            {
                queue.Enqueue(row);
                // Someone is waiting for this answer: what is queued before it in the chat goes at its priority.
                if (row.Priority == OutboxPriority.Interactive) _pacer.Promote(row.ChatId, row.Id);
                return;
            }
            queue = new Queue<OutboxMessage>();
            queue.Enqueue(row);
            _queues[row.ChatId] = queue;
            var worker = Task.Run(() => DrainAsync(row.ChatId, ct), CancellationToken.None);
            _workers.Add(worker);
            worker.ContinueWith(t => { lock (_queues) _workers.Remove(t); }, TaskScheduler.Default);
        }
    }

    private async Task DrainAsync(string chat, CancellationToken ct)
    {
        while (true)
        {
            OutboxMessage row;
            lock (_queues)
            {
                var queue = _queues[chat];
                if (queue.Count == 0)
                {
                    _queues.Remove(chat);
                    return;
                }
                row = queue.Peek();
            }
            try
            {
                await DeliverAsync(row, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                lock (_queues) _queues.Remove(chat);
                return;
            }
            lock (_queues) _queues[chat].Dequeue();
        }
    }

    /// <summary>The pacer's slot for the chat's first queued row, taken under the queue lock (and held until the platform answered) so an answer queued meanwhile is seen either here or by <see cref="SendPacer.Promote"/>.</summary>
    private Task<int> PaceAsync(OutboxMessage row, CancellationToken ct)
    {
        lock (_queues)
            return _pacer.TakeForAsync(row, _queues.GetValueOrDefault(row.ChatId), ct);
    }

    private async Task DeliverAsync(OutboxMessage row, CancellationToken ct)
    {
        TSend send;
        try { send = Read(row); }
        catch (Exception e)
        {
            Log.LogError(e, "Pesan keluar {Channel} {Id} rusak; ditandai gagal", Channel, row.Id);
            await _store.AttemptFailedAsync(row.Id, "payload: " + e.Message, final: true, CancellationToken.None);
            return;
        }

        for (var round = 1; ; round++)
        {
            try
            {
                var context = ResilienceContextPool.Shared.Get(ct);
                context.Properties.Set(ChatKey, row.ChatId);
                try
                {
                    await _retry.ExecuteAsync(async c =>
                    {
                        var slot = await PaceAsync(row, c.CancellationToken);
                        // A started send runs to the platform's answer (bounded by the timeout), even at stop: cancelling it
                        // could leave a message delivered but its row unmarked, sent again at the next start.
                        try { await _timeout.ExecuteAsync(async t => await SendAsync(row, send, t), CancellationToken.None); }
                        finally { _pacer.Release(slot); }
                    }, context);
                }
                finally { ResilienceContextPool.Shared.Return(context); }
                await MarkDeliveredAsync(row);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (IsAlreadyDone(send, e))
            {
                await MarkDeliveredAsync(row);
                return;
            }
            catch (Exception e) when (e is not TimeoutRejectedException && !IsTransient(e))
            {
                Log.LogWarning("{Channel} menolak pesan {Id} ke {Chat}: {Error}", Channel, row.Id, row.ChatId, Describe(e));
                await _store.AttemptFailedAsync(row.Id, Describe(e), final: true, CancellationToken.None);
                if (IsBlocked(e) && UserBlocked is { } blocked)
                    try { await blocked(row.ChatId); }
                    catch (Exception markError) { Log.LogWarning("Menandai pengguna {Chat} memblokir bot gagal: {Error}", row.ChatId, markError.Message); }
                return;
            }
            catch (Exception e)
            {
                var final = round >= _policy.MaxSendRounds;
                await _store.AttemptFailedAsync(row.Id, Describe(e), final, CancellationToken.None);
                if (final)
                {
                    Log.LogError("Pesan {Id} ke {Chat} gagal terkirim setelah {Rounds} putaran: {Error}", row.Id, row.ChatId, round, Describe(e));
                    return;
                }
                Log.LogWarning("Pesan {Id} ke {Chat} belum terkirim ({Error}); dicoba lagi dalam {Pause}", row.Id, row.ChatId, Describe(e), _policy.SendRoundPause);
                await Task.Delay(_policy.SendRoundPause, _time, ct);
            }
        }
    }

    private async Task MarkDeliveredAsync(OutboxMessage row)
    {
        Interlocked.Increment(ref _delivered);
        try { await _store.DeliveredAsync(row.Id, CancellationToken.None); }
        catch (Exception e) { Log.LogError(e, "Pesan {Id} terkirim tetapi tidak dapat dihapus dari antrean", row.Id); }
    }
}
