namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// Keeps outgoing messages within Telegram's limits: a token bucket per chat (about 1 message per second, short bursts
/// allowed) and one over all chats (30 per second, bursts of a tenth of that, so no sliding second sees much more than
/// 30). A 429 answer pauses its chat for the retry_after it names. On top of the global bucket a log of the last 30
/// send times makes the cap exact: no sliding second (plus a margin for network jitter) ever holds more than <c>globalPerSecond</c> sends (the bucket alone
/// let its burst through on top of the rate: 31-38 in the busiest second). System.Threading.RateLimiting's sliding
/// window limiter was not used because it runs on the Stopwatch, not on the TimeProvider the tests drive.
/// </summary>
public sealed class SendPacer(TimeProvider time, double perChatPerSecond = 1, int perChatBurst = 3, double globalPerSecond = 30)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Bucket> _chats = new();
    private readonly Bucket _global = new(globalPerSecond, Math.Max(1, (int)(globalPerSecond / 10)), time.GetUtcNow());
    private readonly DateTimeOffset[] _recent = Enumerable.Repeat(DateTimeOffset.MinValue, Math.Max(1, (int)globalPerSecond)).ToArray();
    private int _oldest; // index in _recent of the earliest of the last N sends

    /// <summary>
    /// One second plus a margin: requests reach Telegram with a few ms of jitter each, and two sends exactly one second
    /// apart could otherwise land within the same second there.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1100);

    /// <summary>Waits until one message may go to <paramref name="chat"/>, and takes its place.</summary>
    public async Task WaitAsync(string chat, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (!_chats.TryGetValue(chat, out var bucket))
                {
                    if (_chats.Count > 10_000) Prune(now);
                    _chats[chat] = bucket = new Bucket(perChatPerSecond, perChatBurst, now);
                }
                bucket.Refill(now);
                _global.Refill(now);
                var paused = bucket.PausedUntil > now ? bucket.PausedUntil - now : TimeSpan.Zero;
                // The N-th send back must be a full second old, else this one would make N+1 within a second.
                var window = _recent[_oldest] == DateTimeOffset.MinValue ? TimeSpan.Zero : Max(TimeSpan.Zero, _recent[_oldest] + Window - now);
                if (paused == TimeSpan.Zero && bucket.Tokens >= 1 && _global.Tokens >= 1 && window == TimeSpan.Zero)
                {
                    bucket.Tokens--;
                    _global.Tokens--;
                    _recent[_oldest] = now;
                    _oldest = (_oldest + 1) % _recent.Length;
                    return;
                }
                wait = Max(Max(paused, window), Max(bucket.TimeToToken(), _global.TimeToToken()));
            }
            await Task.Delay(Max(wait, TimeSpan.FromMilliseconds(1)), time, ct);
        }
    }

    /// <summary>No message to <paramref name="chat"/> before <paramref name="delay"/> has passed (429 retry_after).</summary>
    public void Pause(string chat, TimeSpan delay)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_chats.TryGetValue(chat, out var bucket))
                _chats[chat] = bucket = new Bucket(perChatPerSecond, perChatBurst, now);
            var until = now + delay;
            if (until > bucket.PausedUntil) bucket.PausedUntil = until;
            bucket.Tokens = Math.Min(bucket.Tokens, 0);
        }
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
