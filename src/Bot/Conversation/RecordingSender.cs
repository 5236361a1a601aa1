using System.Collections.Concurrent;

namespace IkiBot.Bot.Conversation;

/// <summary>
/// An <see cref="IOutgoingSender"/> that keeps what it was given (tests, dry runs). Users listed in
/// <see cref="BlockedUsers"/> ("channel:id") answer as having blocked the bot; <see cref="FailNext"/> fails that many sends.
/// </summary>
public sealed class RecordingSender : IOutgoingSender
{
    private readonly ConcurrentQueue<Outgoing> _sent = new();
    private readonly Lock _gate = new();

    public IReadOnlyList<Outgoing> Sent => _sent.ToArray();
    public ISet<string> BlockedUsers { get; } = new HashSet<string>();
    public int FailNext { get; set; }
    public int Attempts { get; private set; }

    public Task<SendResult> SendAsync(Outgoing message, CancellationToken ct = default)
    {
        lock (_gate)
        {
            Attempts++;
            if (BlockedUsers.Contains($"{message.Channel}:{message.UserId}"))
                return Task.FromResult(new SendResult(SendStatus.Blocked, "Forbidden: bot was blocked by the user"));
            if (FailNext > 0)
            {
                FailNext--;
                return Task.FromResult(new SendResult(SendStatus.Failed, "simulated failure"));
            }
        }
        _sent.Enqueue(message);
        return Task.FromResult(SendResult.Delivered);
    }

    public IReadOnlyList<Outgoing> SentTo(string userId, string channel = "telegram") =>
        Sent.Where(m => m.UserId == userId && m.Channel == channel).ToList();
}

/// <summary>
/// The sender of a process that has no channel adapter running (the CLI): console users get the message written to
/// <paramref name="console"/>; any other channel fails (not delivered, so it stays due for the running bot to send).
/// </summary>
public sealed class ConsoleOnlySender(TextWriter console) : IOutgoingSender
{
    public Task<SendResult> SendAsync(Outgoing message, CancellationToken ct = default)
    {
        if (message.Channel != "console")
            return Task.FromResult(new SendResult(SendStatus.Failed, $"tidak ada adaptor kanal {message.Channel} di proses ini"));
        console.WriteLine($"[kepada {message.UserId}]\n{IkiBot.Bot.Channels.Console.ConsoleChat.Render(message.Reply)}\n");
        return Task.FromResult(SendResult.Delivered);
    }
}
