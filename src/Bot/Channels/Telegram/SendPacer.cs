using IkiBot.Data;

namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// Keeps outgoing messages within Telegram's limits: a token bucket per chat (about 1 message per second, short bursts
/// allowed) and one over all chats (30 per second, bursts of a tenth of that, so no sliding second sees much more than
/// 30). A 429 answer pauses its chat for the retry_after it names. On top of the global bucket <c>globalPerSecond</c>
/// send slots make the cap exact (the bucket alone let its burst through on top of the rate: 31-38 in the busiest
/// second). A send taken with <see cref="TakeAsync"/> holds its slot until <see cref="Release"/> (its answer came back)
/// and one second more: the platform received it before it answered, so however late the request left (a starved
/// thread pool sent a granted batch late, all at once: 49-51 arrivals in one second with three bot processes on two
/// cores) no sliding second at the platform holds more than <c>globalPerSecond</c> of them. A send that hangs costs
/// one slot, not the others. <see cref="WaitAsync(string, CancellationToken)"/> counts a send from its grant, with
/// <see cref="Window"/> as the margin. System.Threading.RateLimiting's sliding window limiter was not used because it
/// runs on the Stopwatch, not on the TimeProvider the tests drive.
/// <para>
/// Waiters queue here and each free slot goes to the first waiter, in (priority, order, arrival) order, whose own chat
/// may send now: an interactive message (someone is waiting for the answer) always before a bulk one (reminders,
/// digests), oldest first within a class. A waiter whose chat is held back (its bucket, a 429 pause) does not block the
/// ones behind it. One timer, on the <see cref="TimeProvider"/>, wakes the queue when the next slot or chat frees up.
/// </para>
/// </summary>
public sealed class SendPacer
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly double _perChatPerSecond;
    private readonly int _perChatBurst;
    private readonly Dictionary<string, Bucket> _chats = new();
    private readonly Bucket _global;
    /// <summary>Per send slot: when it is free again; MaxValue while its send is on the way.</summary>
    private readonly DateTimeOffset[] _slots;
    private readonly SortedSet<Waiter> _waiting = new(Comparer<Waiter>.Create(Waiter.Compare));
    private readonly ITimer _timer;
    private DateTimeOffset _timerAt = DateTimeOffset.MaxValue;
    private long _arrivals;

    public SendPacer(TimeProvider time, double perChatPerSecond = 1, int perChatBurst = 3, double globalPerSecond = 30)
    {
        _time = time;
        _perChatPerSecond = perChatPerSecond;
        _perChatBurst = perChatBurst;
        _global = new Bucket(globalPerSecond, Math.Max(1, (int)(globalPerSecond / 10)), time.GetUtcNow());
        _slots = Enumerable.Repeat(DateTimeOffset.MinValue, Math.Max(1, (int)globalPerSecond)).ToArray();
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// One second plus a margin: requests reach Telegram with some jitter each, and two sends exactly one second apart
    /// could otherwise land within the same second there. 1.1 s still let 31-32 arrive within one second at the fake
    /// server when 50 users asked while 1,000 reminders waited; 1.2 s costs about 8 % of the peak rate (25/s).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1200);

    /// <summary>How long a slot stays taken after its send was answered (<see cref="Release"/>): exactly one second.</summary>
    public static readonly TimeSpan AfterAnswer = TimeSpan.FromSeconds(1);

    /// <summary>Waits until one message may go to <paramref name="chat"/>, and takes its place (interactive, in arrival order).</summary>
    public Task WaitAsync(string chat, CancellationToken ct) => WaitAsync(chat, OutboxPriority.Interactive, 0, ct);

    /// <summary>
    /// Waits until one message may go to <paramref name="chat"/>, and takes its place. Free slots go to interactive
    /// waiters before bulk ones, and within a class to the lowest <paramref name="order"/> (the outbox row id) first.
    /// </summary>
    public Task WaitAsync(string chat, OutboxPriority priority, long order, CancellationToken ct) =>
        TakeCoreAsync(chat, priority, order, held: false, ct);

    /// <summary>
    /// Like <see cref="WaitAsync(string, OutboxPriority, long, CancellationToken)"/>, but the send keeps its slot until
    /// <see cref="Release"/> is called with the returned number once the platform answered (or the attempt failed).
    /// </summary>
    public Task<int> TakeAsync(string chat, OutboxPriority priority, long order, CancellationToken ct) =>
        TakeCoreAsync(chat, priority, order, held: true, ct);

    /// <summary>The send that took <paramref name="slot"/> is over: the slot frees up <see cref="AfterAnswer"/> from now.</summary>
    public void Release(int slot)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _slots[slot] = now + AfterAnswer;
            Pump(now);
        }
    }

    private async Task<int> TakeCoreAsync(string chat, OutboxPriority priority, long order, bool held, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var waiter = new Waiter(chat, priority, order, Interlocked.Increment(ref _arrivals)) { Held = held };
        lock (_gate)
        {
            _waiting.Add(waiter);
            Pump(_time.GetUtcNow());
        }
        if (waiter.Done.Task.IsCompleted) return await waiter.Done.Task;
        await using var cancel = ct.Register(() =>
        {
            lock (_gate)
                if (_waiting.Remove(waiter)) waiter.Done.TrySetCanceled(ct);
        });
        return await waiter.Done.Task;
    }

    /// <summary>
    /// Waits for the slot of <paramref name="row"/>, the first of its chat's <paramref name="queued"/> rows, at the
    /// priority of the first interactive row queued for the chat (so a reminder ahead of an answer does not hold the
    /// answer back); at its own priority otherwise.
    /// </summary>
    public Task WaitForAsync(OutboxMessage row, IEnumerable<OutboxMessage>? queued, CancellationToken ct) => TakeForAsync(row, queued, false, ct);

    /// <summary><see cref="WaitForAsync"/> with a slot held until <see cref="Release"/>.</summary>
    public Task<int> TakeForAsync(OutboxMessage row, IEnumerable<OutboxMessage>? queued, CancellationToken ct) => TakeForAsync(row, queued, true, ct);

    private Task<int> TakeForAsync(OutboxMessage row, IEnumerable<OutboxMessage>? queued, bool held, CancellationToken ct)
    {
        var first = queued?.FirstOrDefault(m => m.Priority == OutboxPriority.Interactive);
        return first is not null
            ? TakeCoreAsync(row.ChatId, OutboxPriority.Interactive, first.Id, held, ct)
            : TakeCoreAsync(row.ChatId, row.Priority, row.Id, held, ct);
    }

    /// <summary>
    /// An interactive message was queued behind a bulk one of the same chat: the chat's waiting bulk message now goes as
    /// interactive (at <paramref name="order"/>), so the answer behind it is not held up and the chat's order stays.
    /// </summary>
    public void Promote(string chat, long order)
    {
        lock (_gate)
        {
            var bulk = _waiting.Where(w => w.Chat == chat && w.Priority == OutboxPriority.Bulk).ToList();
            if (bulk.Count == 0) return;
            foreach (var w in bulk)
            {
                _waiting.Remove(w);
                w.Priority = OutboxPriority.Interactive;
                w.Order = order;
                _waiting.Add(w);
            }
            Pump(_time.GetUtcNow());
        }
    }

    /// <summary>No message to <paramref name="chat"/> before <paramref name="delay"/> has passed (429 retry_after).</summary>
    public void Pause(string chat, TimeSpan delay)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var bucket = BucketOf(chat, now);
            var until = now + delay;
            if (until > bucket.PausedUntil) bucket.PausedUntil = until;
            bucket.Tokens = Math.Min(bucket.Tokens, 0);
        }
    }

    /// <summary>Messages waiting for a slot (for tests).</summary>
    public int Waiting
    {
        get { lock (_gate) return _waiting.Count; }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerAt = DateTimeOffset.MaxValue;
            Pump(_time.GetUtcNow());
        }
    }

    /// <summary>Hands out every slot free now, in queue order, and sets the timer for when the next one frees up. Under the lock.</summary>
    private void Pump(DateTimeOffset now)
    {
        var next = DateTimeOffset.MaxValue;
        while (_waiting.Count > 0)
        {
            _global.Refill(now);
            var free = -1;
            var soonest = DateTimeOffset.MaxValue;
            for (var i = 0; i < _slots.Length && free < 0; i++)
                if (_slots[i] <= now) free = i;
                else if (_slots[i] < soonest) soonest = _slots[i];
            // Every slot's send is still on the way: the first Release pumps again.
            if (free < 0 && soonest == DateTimeOffset.MaxValue) break;
            var window = free >= 0 ? TimeSpan.Zero : soonest - now;
            var globalWait = Max(window, _global.TimeToToken());
            if (globalWait > TimeSpan.Zero)
            {
                next = Min(next, now + globalWait);
                break;
            }
            Waiter? pick = null;
            foreach (var w in _waiting)
            {
                var bucket = BucketOf(w.Chat, now);
                bucket.Refill(now);
                var chatWait = Max(bucket.PausedUntil > now ? bucket.PausedUntil - now : TimeSpan.Zero, bucket.TimeToToken());
                if (chatWait == TimeSpan.Zero)
                {
                    pick = w;
                    break;
                }
                next = Min(next, now + chatWait);
            }
            if (pick is null) break;

            BucketOf(pick.Chat, now).Tokens--;
            _global.Tokens--;
            _slots[free] = pick.Held ? DateTimeOffset.MaxValue : now + Window;
            _waiting.Remove(pick);
            pick.Done.TrySetResult(free);
        }
        if (_waiting.Count == 0 || next == DateTimeOffset.MaxValue) return;
        if (_timerAt > now && _timerAt <= next) return; // an earlier wake-up is already set
        _timerAt = next;
        _timer.Change(Max(next - now, TimeSpan.FromMilliseconds(1)), Timeout.InfiniteTimeSpan);
    }

    private Bucket BucketOf(string chat, DateTimeOffset now)
    {
        if (_chats.TryGetValue(chat, out var bucket)) return bucket;
        if (_chats.Count > 10_000) Prune(now);
        return _chats[chat] = new Bucket(_perChatPerSecond, _perChatBurst, now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (chat, bucket) in _chats.ToList())
        {
            bucket.Refill(now);
            if (bucket.Tokens >= bucket.Capacity && bucket.PausedUntil <= now) _chats.Remove(chat);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class Waiter(string chat, OutboxPriority priority, long order, long arrival)
    {
        public string Chat { get; } = chat;
        public OutboxPriority Priority { get; set; } = priority;
        public long Order { get; set; } = order;
        public long Arrival { get; } = arrival;
        /// <summary>Keeps its slot until released (see <see cref="TakeAsync"/>).</summary>
        public bool Held { get; init; }
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static int Compare(Waiter? a, Waiter? b)
        {
            if (ReferenceEquals(a, b)) return 0;
            if (a is null) return -1;
            if (b is null) return 1;
            var c = a.Priority.CompareTo(b.Priority);
            if (c == 0) c = a.Order.CompareTo(b.Order);
            return c != 0 ? c : a.Arrival.CompareTo(b.Arrival);
        }
    }

    private sealed class Bucket(double perSecond, int capacity, DateTimeOffset now)
    {
        public double Tokens = capacity;
        public int Capacity => capacity;
        public DateTimeOffset PausedUntil = DateTimeOffset.MinValue;
        private DateTimeOffset _last = now;

        public void Refill(DateTimeOffset now)
        {
            if (now <= _last) return;
            Tokens = Math.Min(capacity, Tokens + (now - _last).TotalSeconds * perSecond);
            _last = now;
        }

        public TimeSpan TimeToToken() =>
            Tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - Tokens) / perSecond);
    }
}
