using System.Net;
using IkiBot.Bot.Hosting;
using IkiBot.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// Sends what the update handler committed to the outbox table: one worker per chat keeps that chat's order, the
/// <see cref="SendPacer"/> keeps the rates and gives answers (interactive rows) the free slots before reminders and
/// digests (bulk rows), Polly retries transient failures with backoff and 429 waits for retry_after.
/// A message leaves the table only once Telegram accepted it (or refused it for good: then it is kept, marked failed),
/// so a restart sends what was left.
/// </summary>
public sealed class TelegramOutbox : BackgroundService
{
    private readonly ITelegramBotClient _bot;
    private readonly ChannelDeliveryStore _store;
    private readonly SendPacer _pacer;
    private readonly TimeProvider _time;
    private readonly TelegramOptions _options;
    private readonly ILogger _log;
    private readonly ResiliencePipeline _retry;
    private readonly ResiliencePipeline _timeout;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Dictionary<string, Queue<OutboxMessage>> _queues = new();
    private readonly HashSet<Task> _workers = new();
    private long _loaded;

    private readonly TelegramReadiness _readiness;
    private readonly SenderElection? _election;

    public TelegramOutbox(ITelegramBotClient bot, ChannelDeliveryStore store, SendPacer pacer, TimeProvider time,
        TelegramOptions options, TelegramReadiness readiness, ILogger<TelegramOutbox> log, SenderElection? election = null)
    {
        _election = election;
        _readiness = readiness;
        _bot = bot;
        _store = store;
        _pacer = pacer;
        _time = time;
        _options = options;
        _log = log;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.SendRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.SendRetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                // A 429 pauses the chat in the pacer for retry_after (see OnRetry); the next attempt waits there.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Exception) is null ? null : TimeSpan.Zero),
                OnRetry = args =>
                {
                    var chat = args.Context.Properties.GetValue(ChatKey, "");
                    if (RetryAfter(args.Outcome.Exception) is { } wait)
                    {
                        _pacer.Pause(chat, wait);
                        _log.LogWarning("Telegram 429 untuk chat {Chat}: tunggu {Seconds} detik", chat, wait.TotalSeconds);
                    }
                    else
                        _log.LogWarning("Kirim ke chat {Chat} gagal (percobaan {Attempt}): {Error}; dicoba lagi dalam {Delay}",
                            chat, args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.SendTimeout).Build();
    }

    private static readonly ResiliencePropertyKey<string> ChatKey = new("telegram.chat");

    /// <summary>Called with the chat id when Telegram says the user blocked the bot (403): the caller marks them.</summary>
    public Func<string, Task>? UserBlocked { get; set; }

    private static bool IsBlocked(Exception e) =>
        e is global::Telegram.Bot.Exceptions.ApiRequestException { ErrorCode: 403 };

    /// <summary>Something new was committed to the outbox: look now rather than at the next periodic check.</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { }
    }

    /// <summary>Messages handed to Telegram since start (for the bench and tests).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);
    private long _delivered;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        // Until Telegram has started the rows wait in the table; if it never starts they stay for the next run.
        if (!await _readiness.WaitAsync(stopping)) return;
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
                    var rows = await _store.PendingAsync(TelegramOptions.Channel, _loaded, 500, ct);
                    foreach (var row in rows)
                    {
                        _loaded = row.Id;
                        Enqueue(row, ct);
                    }
                    if (rows.Count == 500) continue;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    _log.LogError(e, "Membaca antrean keluar gagal");
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
        TelegramSend send;
        try { send = TelegramSendJson.FromJson(row.Payload); }
        catch (Exception e)
        {
            _log.LogError(e, "Pesan keluar {Id} rusak; ditandai gagal", row.Id);
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
            catch (Exception e) when (IsAlreadyDone(e, send))
            {
                await MarkDeliveredAsync(row);
                return;
            }
            catch (Exception e) when (!IsTransient(e))
            {
                _log.LogWarning("Telegram menolak pesan {Id} ke chat {Chat}: {Error}", row.Id, row.ChatId, Describe(e));
                await _store.AttemptFailedAsync(row.Id, Describe(e), final: true, CancellationToken.None);
                if (IsBlocked(e) && UserBlocked is { } blocked)
                    try { await blocked(row.ChatId); }
                    catch (Exception markError) { _log.LogWarning("Menandai pengguna {Chat} memblokir bot gagal: {Error}", row.ChatId, markError.Message); }
                return;
            }
            catch (Exception e)
            {
                var final = round >= _options.MaxSendRounds;
                await _store.AttemptFailedAsync(row.Id, Describe(e), final, CancellationToken.None);
                if (final)
                {
                    _log.LogError("Pesan {Id} ke chat {Chat} gagal terkirim setelah {Rounds} putaran: {Error}", row.Id, row.ChatId, round, Describe(e));
                    return;
                }
                _log.LogWarning("Pesan {Id} ke chat {Chat} belum terkirim ({Error}); dicoba lagi dalam {Pause}", row.Id, row.ChatId, Describe(e), _options.SendRoundPause);
                await Task.Delay(_options.SendRoundPause, _time, ct);
            }
        }
    }

    private async Task MarkDeliveredAsync(OutboxMessage row)
    {
        Interlocked.Increment(ref _delivered);
        try { await _store.DeliveredAsync(row.Id, CancellationToken.None); }
        catch (Exception e) { _log.LogError(e, "Pesan {Id} terkirim tetapi tidak dapat dihapus dari antrean", row.Id); }
    }

    private async Task SendAsync(OutboxMessage row, TelegramSend send, CancellationToken ct)
    {
        var chat = new ChatId(long.Parse(row.ChatId, System.Globalization.CultureInfo.InvariantCulture));
        var reply = send.ReplyToMessageId is { } to ? new ReplyParameters { MessageId = to, AllowSendingWithoutReply = true } : null;
        var keyboard = send.Keyboard is null
            ? null
            : new InlineKeyboardMarkup(send.Keyboard.Select(r => r.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));
        switch (send.Kind)
        {
            case TelegramSend.Text:
                await _bot.SendMessage(chat, send.Html ?? "…", ParseMode.Html, replyParameters: reply, replyMarkup: keyboard,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
                break;
            case TelegramSend.Photo:
            {
                await using var stream = new MemoryStream(row.File ?? []);
                await _bot.SendPhoto(chat, InputFile.FromStream(stream, send.FileName), caption: send.Html,
                    parseMode: ParseMode.Html, replyParameters: reply, cancellationToken: ct);
                break;
            }
            case TelegramSend.Document:
            {
                await using var stream = new MemoryStream(row.File ?? []);
                await _bot.SendDocument(chat, InputFile.FromStream(stream, send.FileName), caption: send.Html,
                    parseMode: ParseMode.Html, replyParameters: reply, cancellationToken: ct);
                break;
            }
            case TelegramSend.ClearKeyboard when send.MessageId is { } messageId:
                await _bot.EditMessageReplyMarkup(chat, messageId, replyMarkup: null, cancellationToken: ct);
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox kind '{send.Kind}'.");
        }
    }

    /// <summary>The 429 wait Telegram asked for, if this is one.</summary>
    public static TimeSpan? RetryAfter(Exception? e) =>
        e is ApiRequestException { ErrorCode: 429 } api
            ? TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1))
            : null;

    /// <summary>Worth trying again: 429, 5xx, network trouble, a timeout.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        ApiRequestException api => api.ErrorCode is 429 or >= 500 or 0,
        RequestException r => r.HttpStatusCode is null or 0 or HttpStatusCode.TooManyRequests || (int)r.HttpStatusCode.Value >= 500
                              || r.InnerException is HttpRequestException or IOException or TaskCanceledException,
        HttpRequestException or IOException or TimeoutRejectedException or TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Telegram says the change is already there (a keyboard cleared twice, a message gone): nothing left to do.</summary>
    private static bool IsAlreadyDone(Exception e, TelegramSend send) =>
        e is ApiRequestException { ErrorCode: 400 } api &&
        (api.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase) || send.Kind == TelegramSend.ClearKeyboard);

    public static string Describe(Exception? e) => e switch
    {
        null => "?",
        ApiRequestException api => $"{api.ErrorCode} {api.Message}",
        RequestException r => $"{(int?)r.HttpStatusCode} {r.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
