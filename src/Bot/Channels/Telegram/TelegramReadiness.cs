namespace IkiBot.Bot.Channels.Telegram;

/// <summary>
/// Whether Telegram's startup (getMe, menu, webhook) has finished; polling and the outbox wait for it. In the host
/// shared with Teams the startup runs in the background (<see cref="InBackground"/>), so Teams and the reminders
/// serve at once while Telegram may still be unreachable, and a fatal Telegram error stops Telegram alone.
/// </summary>
public sealed class TelegramReadiness(bool inBackground)
{
    private readonly TaskCompletionSource<bool> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool InBackground { get; } = inBackground;

    public bool IsStarted => _started.Task.IsCompletedSuccessfully && _started.Task.Result;

    public void Started() => _started.TrySetResult(true);

    public void Failed() => _started.TrySetResult(false);

    /// <summary>True once Telegram has started; false when it stopped for good or the host is stopping.</summary>
    public async Task<bool> WaitAsync(CancellationToken ct)
    {
        try { return await _started.Task.WaitAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
